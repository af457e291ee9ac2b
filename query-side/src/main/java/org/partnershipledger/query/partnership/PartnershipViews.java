package org.partnershipledger.query.partnership;

import java.sql.Timestamp;
import java.util.Optional;
import org.partnershipledger.query.common.Json;
import org.partnershipledger.query.common.ViewStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored partnership views. */
@Component
public class PartnershipViews extends ViewStore<PartnershipView> {

    private final JdbcClient jdbc;
    private final Json json;

    PartnershipViews(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected Optional<PartnershipView> load(String id) {
        return jdbc.sql("SELECT doc::text FROM query_side.partnership_view WHERE partnership_id = ?").param(id)
                .query(String.class).optional().map(doc -> json.read(doc, PartnershipView.class));
    }

    @Override
    protected void save(String id, PartnershipView view) {
        jdbc.sql("""
                        INSERT INTO query_side.partnership_view (partnership_id, name, client, stage, doc, version, last_change)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (partnership_id) DO UPDATE SET name = EXCLUDED.name, client = EXCLUDED.client,
                            stage = EXCLUDED.stage, doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change""")
                .params(id, view.name, view.client, view.stage.name(), json.write(view), view.version,
                        Timestamp.from(view.lastChange))
                .update();
    }

    public void deleteAll() {
        jdbc.sql("TRUNCATE query_side.partnership_view").update();
    }
}
