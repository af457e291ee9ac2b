package org.partnershipledger.query.program;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.ReadModels;
import org.partnershipledger.query.readmodel.Storable;
import org.partnershipledger.query.readmodel.StoredRows;
import org.partnershipledger.query.readmodel.Tables;
import org.partnershipledger.query.readmodel.ViewStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stored program views: a document for the program itself, and a row for each impact record and curriculum
 * version, so a program's long past is not read or rewritten whenever something new happens to it. Readers get
 * whole views. A projection's views keep their rows in {@link StoredRows}: read only if the fold looks at them,
 * and written back only where they changed. The fold ({@link ProgramView}) knows nothing of how it is kept.
 */
@Component
public class ProgramViews extends ViewStore<ProgramView> {

    /** The document: the view without the rows kept in tables of their own. */
    @JsonIgnoreProperties({"impacts", "curriculumHistory"})
    private abstract static class Document {
    }

    private final Tables tables;
    private final Json json;
    private final ObjectWriter document;
    private final boolean forProjection;

    /** The live views, for readers. */
    @Autowired
    ProgramViews(ReadModels readModels, Json json) {
        this(readModels.live(ProgramViewProjection.class), json, false);
    }

    /** The views in a projection's tables, written back as they change. */
    ProgramViews(Tables tables, Json json) {
        this(tables, json, true);
    }

    private ProgramViews(Tables tables, Json json, boolean forProjection) {
        this.tables = tables;
        this.json = json;
        this.document = json.mapper().copy().addMixIn(ProgramView.class, Document.class).writer();
        this.forProjection = forProjection;
    }

    @Override
    protected Optional<ProgramView> load(String id) {
        return tables.sql("SELECT doc::text FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(String.class).optional().map(doc -> view(id, doc));
    }

    /** A batch's programs in one query. */
    @Override
    protected Map<String, ProgramView> loadAll(Collection<String> ids) {
        Map<String, ProgramView> found = new HashMap<>();
        tables.documents("query_side.program_view", "program_id", ids)
                .forEach((id, doc) -> found.put(id, view(id, doc)));
        return found;
    }

    /** The program an event of the batch changes: its aggregate, for a program's events. */
    @Override
    protected String viewOf(EventMessage<?> event) {
        return aggregateOf(event, ProgramEvent.class);
    }

    private ProgramView view(String id, String doc) {
        ProgramView view = json.read(doc, ProgramView.class);
        if (forProjection) {
            rowsAsStored(id, view);
        } else {
            view.impacts = new ArrayList<>(impacts(id));
            view.curriculumHistory = new ArrayList<>(versions(id));
        }
        return view;
    }

    /** The view's rows as those in their tables, read only when the fold looks at them (see {@link StoredRows}). */
    private void rowsAsStored(String id, ProgramView view) {
        view.impacts = new StoredRows<>(() -> impacts(id), impactId -> impact(id, impactId), ProgramViews::key,
                json::write);
        view.curriculumHistory = new StoredRows<>(() -> versions(id), ProgramViews::key, json::write);
    }

    private static final String INSERT_IMPACT = """
            INSERT INTO query_side.program_impact (program_id, impact_id, sequence, doc)
            VALUES (?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (program_id, impact_id) DO UPDATE SET doc = EXCLUDED.doc""";
    private static final String INSERT_VERSION = """
            INSERT INTO query_side.program_curriculum (program_id, version, doc)
            VALUES (?, ?, CAST(? AS jsonb))
            ON CONFLICT (program_id, version) DO UPDATE SET doc = EXCLUDED.doc""";

    /**
     * The rows of the views being saved, written together once they all are: new ones and changed ones. One per
     * {@link #saveAll}, so that the threads of a rebuild in segments each write their own.
     */
    private record Rows(List<Object[]> documents, List<Object[]> newImpacts, List<Object[]> changedImpacts,
                        List<Object[]> newVersions, List<Object[]> changedVersions) {

        Rows() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static final String UPSERT_DOCUMENT = """
            INSERT INTO query_side.program_view (program_id, partnership_id, doc, version, last_change)
            VALUES (?, ?, CAST(? AS jsonb), ?, ?)
            ON CONFLICT (program_id) DO UPDATE SET doc = EXCLUDED.doc, version = EXCLUDED.version,
                last_change = EXCLUDED.last_change""";

    /**
     * Every view's document, all in one round trip (a replay's batch saves a few hundred programs; one statement each
     * waited for its answer), then the rows of all of them: the new rows in one statement (one COPY when there are
     * many, as in a replay), the changed ones in another.
     */
    @Override
    protected void saveAll(Map<String, ProgramView> views) {
        Rows rows = new Rows();
        views.forEach((id, view) -> save(id, view, rows));
        tables.batchUpdate(UPSERT_DOCUMENT, rows.documents());
        tables.insert(INSERT_IMPACT, rows.newImpacts());
        tables.insert(INSERT_VERSION, rows.newVersions());
        if (!rows.changedImpacts().isEmpty()) {
            tables.batchUpdate(INSERT_IMPACT, rows.changedImpacts());
        }
        if (!rows.changedVersions().isEmpty()) {
            tables.batchUpdate(INSERT_VERSION, rows.changedVersions());
        }
    }

    private void save(String id, ProgramView view, Rows rows) {
        rows.documents().add(new Object[] {id, view.partnershipId, documentOf(view), view.version,
                Timestamp.from(view.lastChange)});
        StoredRows.Changes<ProgramView.Impact> impacts = changes(view.impacts);
        StoredRows.Changes<ProgramView.CurriculumVersion> versions = changes(view.curriculumHistory);
        impacts.added().forEach(impact -> rows.newImpacts().add(impactRow(id, impact)));
        impacts.changed().forEach(impact -> rows.changedImpacts().add(impactRow(id, impact)));
        versions.added().forEach(version -> rows.newVersions().add(versionRow(id, version)));
        versions.changed().forEach(version -> rows.changedVersions().add(versionRow(id, version)));
        if (!(view.impacts instanceof StoredRows)) {
            // a view new in this batch: its rows are now those stored, as for the view read again (its rows are not
            // written out a second time to remember their text)
            rowsAsStored(id, view);
        }
    }

    private Object[] impactRow(String id, ProgramView.Impact impact) {
        return new Object[] {id, impact.impactId, impact.sequence, json.write(impact)};
    }

    private Object[] versionRow(String id, ProgramView.CurriculumVersion version) {
        return new Object[] {id, version.version(), json.write(version)};
    }

    /** The version of the stored view, -1 when there is none. */
    public long version(String id) {
        return tables.sql("SELECT version FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(Long.class).optional().orElse(-1L);
    }

    /** The programs of a partnership, whole, in the order they were proposed. */
    public List<ProgramView> ofPartnership(String partnershipId) {
        return tables.sql("""
                        SELECT program_id FROM query_side.program_view WHERE partnership_id = ?
                        ORDER BY doc->>'proposedAt', program_id""")
                .param(partnershipId).query(String.class).list().stream()
                .flatMap(id -> find(id).stream()).toList();
    }

    /**
     * The programs of a partnership as their documents alone, in the order they were proposed: title, status and the
     * current curriculum, without impact records or curriculum history (empty here). For lists, where loading every
     * impact record of a long program would cost more than the rest of the page.
     */
    public List<ProgramView> outlinesOfPartnership(String partnershipId) {
        return tables.sql("""
                        SELECT doc::text FROM query_side.program_view WHERE partnership_id = ?
                        ORDER BY doc->>'proposedAt', program_id""")
                .param(partnershipId).query(String.class).list().stream()
                .map(doc -> json.read(doc, ProgramView.class)).toList();
    }

    /** A program with its curriculum history but without its impact records (empty here): for its curriculum. */
    public Optional<ProgramView> withoutImpacts(String id) {
        return tables.sql("SELECT doc::text FROM query_side.program_view WHERE program_id = ?").param(id)
                .query(String.class).optional().map(doc -> {
                    ProgramView view = json.read(doc, ProgramView.class);
                    view.curriculumHistory = new ArrayList<>(versions(id));
                    return view;
                });
    }

    /** The programs, whole, with at least one localisation; of one partnership when it is given. */
    public List<ProgramView> withLocalizations(String partnershipId) {
        return holding("localizations", partnershipId);
    }

    /** The programs, whole, with at least one curation; of one partnership when it is given. */
    public List<ProgramView> withCurations(String partnershipId) {
        return holding("curations", partnershipId);
    }

    /** The programs, whole, whose document lists at least one entry under {@code list}. */
    private List<ProgramView> holding(String list, String partnershipId) {
        return tables.sql("""
                        SELECT program_id FROM query_side.program_view
                        WHERE (CAST(? AS text) IS NULL OR partnership_id = ?)
                          AND jsonb_typeof(doc->'%s') = 'array' AND jsonb_array_length(doc->'%s') > 0
                        ORDER BY partnership_id, doc->>'proposedAt', program_id""".formatted(list, list))
                .params(partnershipId, partnershipId).query(String.class).list().stream()
                .flatMap(id -> find(id).stream()).toList();
    }

    void deleteAll() {
        tables.sql("TRUNCATE query_side.program_view, query_side.program_impact, query_side.program_curriculum")
                .update();
    }

    private List<ProgramView.Impact> impacts(String programId) {
        return tables.sql("""
                        SELECT sequence, doc::text FROM query_side.program_impact WHERE program_id = ?
                        ORDER BY sequence""")
                .param(programId).query((rs, row) -> {
                    ProgramView.Impact impact = json.read(rs.getString(2), ProgramView.Impact.class);
                    impact.sequence = rs.getLong(1);
                    return impact;
                }).list();
    }

    private Optional<ProgramView.Impact> impact(String programId, String impactId) {
        return tables.sql("""
                        SELECT sequence, doc::text FROM query_side.program_impact WHERE program_id = ? AND impact_id = ?""")
                .params(programId, impactId).query((rs, row) -> {
                    ProgramView.Impact impact = json.read(rs.getString(2), ProgramView.Impact.class);
                    impact.sequence = rs.getLong(1);
                    return impact;
                }).optional();
    }

    private List<ProgramView.CurriculumVersion> versions(String programId) {
        return tables.sql("""
                        SELECT doc::text FROM query_side.program_curriculum WHERE program_id = ? ORDER BY version""")
                .param(programId).query(String.class).list().stream()
                .map(version -> json.read(version, ProgramView.CurriculumVersion.class)).toList();
    }

    /** A list the projection did not load from the tables (a new view's) is new rows, all of it. */
    private static <T> StoredRows.Changes<T> changes(List<T> rows) {
        return rows instanceof StoredRows<T> stored ? stored.takeChanges() : new StoredRows.Changes<>(rows, List.of());
    }

    private String documentOf(ProgramView view) {
        try {
            return Storable.json(document.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write program " + view.programId, e);
        }
    }

    private static String key(ProgramView.Impact impact) {
        return impact.impactId;
    }

    private static String key(ProgramView.CurriculumVersion version) {
        return Integer.toString(version.version());
    }
}
