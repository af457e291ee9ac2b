package org.partnershipledger.query.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.ReadModels;
import org.partnershipledger.query.readmodel.Tables;
import org.partnershipledger.query.readmodel.ViewStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stored program views, always whole: a document for the program itself, and a row for each impact record and
 * curriculum version, so a program's long past is not rewritten whenever something new happens to it. The store
 * remembers what it loaded and writes back only the rows that changed; the fold ({@link ProgramView}) knows nothing
 * of how it is kept.
 */
@Component
public class ProgramViews extends ViewStore<ProgramView> {

    private static final String IMPACTS = "impacts";
    private static final String VERSIONS = "curriculumHistory";

    private final Tables tables;
    private final Json json;
    /** The rows each view loaded for a projection has in the tables, as JSON, to tell which changed. */
    private final Map<ProgramView, Map<String, String>> stored = Collections.synchronizedMap(new WeakHashMap<>());
    private final boolean tracksChanges;

    /** The live views, for readers. */
    @Autowired
    ProgramViews(ReadModels readModels, Json json) {
        this(readModels.live(ProgramViewProjection.class), json, false);
    }

    /** The views in a projection's tables, written back as they change. */
    ProgramViews(Tables tables, Json json) {
        this(tables, json, true);
    }

    private ProgramViews(Tables tables, Json json, boolean tracksChanges) {
        this.tables = tables;
        this.json = json;
        this.tracksChanges = tracksChanges;
    }

    @Override
    protected Optional<ProgramView> load(String id) {
        return tables.sql("SELECT doc::text FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(String.class).optional().map(this::whole);
    }

    @Override
    protected void save(String id, ProgramView view) {
        ObjectNode doc = (ObjectNode) json.tree(view);
        doc.remove(List.of(IMPACTS, VERSIONS));
        tables.sql("""
                        INSERT INTO query_side.program_view (program_id, partnership_id, doc, version, last_change)
                        VALUES (?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (program_id) DO UPDATE SET doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change""")
                .params(id, view.partnershipId, json.write(doc), view.version, Timestamp.from(view.lastChange))
                .update();
        Map<String, String> before = stored.getOrDefault(view, Map.of());
        Map<String, String> now = rows(view);
        List<Object[]> impacts = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        for (ProgramView.Impact impact : view.impacts) {
            String row = now.get(impactKey(impact));
            if (!row.equals(before.get(impactKey(impact)))) {
                impacts.add(new Object[] {id, impact.impactId, impact.sequence, row});
            }
        }
        for (ProgramView.CurriculumVersion version : view.curriculumHistory) {
            String row = now.get(versionKey(version));
            if (!row.equals(before.get(versionKey(version)))) {
                versions.add(new Object[] {id, version.version(), row});
            }
        }
        // what changed goes in one round trip per table, not one per row
        if (!impacts.isEmpty()) {
            tables.batchUpdate("""
                    INSERT INTO query_side.program_impact (program_id, impact_id, sequence, doc)
                    VALUES (?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT (program_id, impact_id) DO UPDATE SET doc = EXCLUDED.doc""", impacts);
        }
        if (!versions.isEmpty()) {
            tables.batchUpdate("""
                    INSERT INTO query_side.program_curriculum (program_id, version, doc)
                    VALUES (?, ?, CAST(? AS jsonb))
                    ON CONFLICT (program_id, version) DO UPDATE SET doc = EXCLUDED.doc""", versions);
        }
        stored.put(view, now);
    }

    /** The version of the stored view, -1 when there is none. */
    public long version(String id) {
        return tables.sql("SELECT version FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(Long.class).optional().orElse(-1L);
    }

    /** The programs of a partnership, in the order they were proposed. */
    public List<ProgramView> ofPartnership(String partnershipId) {
        return tables.sql("""
                        SELECT doc::text FROM query_side.program_view WHERE partnership_id = ?
                        ORDER BY doc->>'proposedAt', program_id""")
                .param(partnershipId).query(String.class).list().stream().map(this::whole).toList();
    }

    void deleteAll() {
        tables.sql("TRUNCATE query_side.program_view, query_side.program_impact, query_side.program_curriculum")
                .update();
        stored.clear();
    }

    private ProgramView whole(String doc) {
        ProgramView view = json.read(doc, ProgramView.class);
        view.impacts = new ArrayList<>(tables.sql("""
                        SELECT sequence, doc::text FROM query_side.program_impact WHERE program_id = ?
                        ORDER BY sequence""")
                .param(view.programId).query((rs, row) -> {
                    ProgramView.Impact impact = json.read(rs.getString(2), ProgramView.Impact.class);
                    impact.sequence = rs.getLong(1);
                    return impact;
                }).list());
        view.curriculumHistory = new ArrayList<>(tables.sql("""
                        SELECT doc::text FROM query_side.program_curriculum WHERE program_id = ? ORDER BY version""")
                .param(view.programId).query(String.class).list().stream()
                .map(version -> json.read(version, ProgramView.CurriculumVersion.class)).toList());
        if (tracksChanges) {
            stored.put(view, rows(view));
        }
        return view;
    }

    private Map<String, String> rows(ProgramView view) {
        Map<String, String> rows = new HashMap<>();
        view.impacts.forEach(impact -> rows.put(impactKey(impact), json.write(impact)));
        view.curriculumHistory.forEach(version -> rows.put(versionKey(version), json.write(version)));
        return rows;
    }

    private static String impactKey(ProgramView.Impact impact) {
        return "impact " + impact.impactId;
    }

    private static String versionKey(ProgramView.CurriculumVersion version) {
        return "version " + version.version();
    }
}
