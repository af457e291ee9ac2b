package org.partnershipledger.query.partnership;

import java.sql.Timestamp;
import java.util.Optional;
import org.partnershipledger.query.common.Json;
import org.partnershipledger.query.common.ViewStore;
import org.partnershipledger.query.readmodel.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored partnership views. */
@Component
public class PartnershipViews extends ViewStore<PartnershipView> {

    private final JdbcClient jdbc;
    private final Json json;
    private final ReadModelTables tables;

    @Autowired
    PartnershipViews(JdbcClient jdbc, Json json) {
        this(jdbc, json, ReadModelTables.LIVE);
    }

    /** The views in {@code tables} (a rebuild's copies, or the live ones). */
    public PartnershipViews(JdbcClient jdbc, Json json, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.json = json;
        this.tables = tables;
    }

    @Override
    protected Optional<PartnershipView> load(String id) {
        return jdbc.sql(tables.sql("SELECT doc::text FROM query_side.partnership_view WHERE partnership_id = ?")).param(id)
                .query(String.class).optional().map(doc -> json.read(doc, PartnershipView.class));
    }

    @Override
    protected void save(String id, PartnershipView view) {
        jdbc.sql(tables.sql("""
                        INSERT INTO query_side.partnership_view (partnership_id, name, client, stage, doc, version, last_change)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (partnership_id) DO UPDATE SET name = EXCLUDED.name, client = EXCLUDED.client,
                            stage = EXCLUDED.stage, doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change"""))
                .params(id, view.name, view.client, view.stage.name(), json.write(view), view.version,
                        Timestamp.from(view.lastChange))
                .update();
    }

    public void deleteAll() {
        jdbc.sql(tables.sql("TRUNCATE query_side.partnership_view")).update();
    }
}
