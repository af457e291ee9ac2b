package org.partnershipledger.query.program;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.query.common.Json;
import org.partnershipledger.query.common.ViewStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored program views. */
@Component
public class ProgramViews extends ViewStore<ProgramView> {

    private final JdbcClient jdbc;
    private final Json json;

    ProgramViews(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected Optional<ProgramView> load(String id) {
        return jdbc.sql("SELECT doc::text FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(String.class).optional().map(doc -> json.read(doc, ProgramView.class));
    }

    @Override
    protected void save(String id, ProgramView view) {
        jdbc.sql("""
                        INSERT INTO query_side.program_view (program_id, partnership_id, doc, version, last_change)
                        VALUES (?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (program_id) DO UPDATE SET doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change""")
                .params(id, view.partnershipId, json.write(view), view.version, Timestamp.from(view.lastChange))
                .update();
    }

    /** The programs of a partnership, in the order they were proposed. */
    public List<ProgramView> ofPartnership(String partnershipId) {
        return jdbc.sql("""
                        SELECT doc::text FROM query_side.program_view WHERE partnership_id = ?
                        ORDER BY doc->>'proposedAt', program_id""")
                .param(partnershipId).query(String.class).list().stream()
                .map(doc -> json.read(doc, ProgramView.class)).toList();
    }

    public void deleteAll() {
        jdbc.sql("TRUNCATE query_side.program_view").update();
    }
}
