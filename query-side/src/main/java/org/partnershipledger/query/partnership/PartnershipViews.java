package org.partnershipledger.query.partnership;

import java.sql.Timestamp;
import java.util.Optional;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.ReadModels;
import org.partnershipledger.query.readmodel.Tables;
import org.partnershipledger.query.readmodel.ViewStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The stored partnership views: the live ones for readers, or the tables a projection was given. */
@Component
public class PartnershipViews extends ViewStore<PartnershipView> {

    /** The processor keeping the board's partnership and program views. */
    public static final String BOARD_VIEWS = "board-views";

    private final Tables tables;
    private final Json json;

    @Autowired
    PartnershipViews(ReadModels readModels, Json json) {
        this(readModels.live(PartnershipViewProjection.class), json);
    }

    PartnershipViews(Tables tables, Json json) {
        this.tables = tables;
        this.json = json;
    }

    @Override
    protected Optional<PartnershipView> load(String id) {
        return tables.sql("SELECT doc::text FROM query_side.partnership_view WHERE partnership_id = ?").param(id)
                .query(String.class).optional().map(doc -> json.read(doc, PartnershipView.class));
    }

    @Override
    protected void save(String id, PartnershipView view) {
        tables.sql("""
                        INSERT INTO query_side.partnership_view (partnership_id, name, client, stage, doc, version, last_change)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (partnership_id) DO UPDATE SET name = EXCLUDED.name, client = EXCLUDED.client,
                            stage = EXCLUDED.stage, doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change""")
                .params(id, view.name, view.client, view.stage.name(), json.write(view), view.version,
                        Timestamp.from(view.lastChange))
                .update();
    }

    /** The version of the stored view, -1 when there is none. */
    public long version(String id) {
        return tables.sql("SELECT version FROM query_side.partnership_view WHERE partnership_id = ?").param(id)
                .query(Long.class).optional().orElse(-1L);
    }

    void deleteAll() {
        tables.sql("TRUNCATE query_side.partnership_view").update();
    }
}
