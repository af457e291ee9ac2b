package org.partnershipledger.query.partnership;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.partnershipledger.events.partnership.PartnershipEvent;
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

    /** A batch's partnerships in one query. */
    @Override
    protected Map<String, PartnershipView> loadAll(Collection<String> ids) {
        Map<String, PartnershipView> found = new HashMap<>();
        tables.documents("query_side.partnership_view", "partnership_id", ids)
                .forEach((id, doc) -> found.put(id, json.read(doc, PartnershipView.class)));
        return found;
    }

    /** The partnership an event of the batch changes: its aggregate, for a partnership's events. */
    @Override
    protected String viewOf(EventMessage<?> event) {
        return aggregateOf(event, PartnershipEvent.class);
    }

    private static final String UPSERT = """
            INSERT INTO query_side.partnership_view (partnership_id, name, client, stage, doc, version, last_change)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
            ON CONFLICT (partnership_id) DO UPDATE SET name = EXCLUDED.name, client = EXCLUDED.client,
                stage = EXCLUDED.stage, doc = EXCLUDED.doc, version = EXCLUDED.version,
                last_change = EXCLUDED.last_change""";

    /** Every view of the batch in one round trip. */
    @Override
    protected void saveAll(Map<String, PartnershipView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        views.forEach((id, view) -> rows.add(new Object[] {id, view.name, view.client, view.stage.name(),
                json.write(view), view.version, Timestamp.from(view.lastChange)}));
        if (!rows.isEmpty()) {
            tables.batchUpdate(UPSERT, rows);
        }
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
