package org.partnershipledger.query.program;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.query.common.Json;
import org.partnershipledger.query.common.ViewStore;
import org.partnershipledger.query.readmodel.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored program views: a document for the program itself, and rows for its impact records and curriculum
 * versions, so a batch writes what it changed rather than a program's whole past. The projection works on the
 * document ({@link #get}); readers get the complete view ({@link #complete}).
 */
@Component
public class ProgramViews extends ViewStore<ProgramView> {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Json json;
    private final ReadModelTables tables;

    @Autowired
    ProgramViews(JdbcClient jdbc, JdbcTemplate batch, Json json) {
        this(jdbc, batch, json, ReadModelTables.LIVE);
    }

    /** The views in {@code tables} (a rebuild's copies, or the live ones). */
    public ProgramViews(JdbcClient jdbc, JdbcTemplate batch, Json json, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.tables = tables;
    }

    @Override
    protected Optional<ProgramView> load(String id) {
        return jdbc.sql(tables.sql("SELECT doc::text FROM query_side.program_view WHERE program_id = ?")).param(id)
                .query(String.class).optional().map(doc -> json.read(doc, ProgramView.class));
    }

    @Override
    protected void save(String id, ProgramView view) {
        List<ProgramView.Impact> impacts = view.impacts;
        List<ProgramView.CurriculumVersion> versions = view.curriculumHistory;
        view.impacts = new ArrayList<>();
        view.curriculumHistory = new ArrayList<>();
        jdbc.sql(tables.sql("""
                        INSERT INTO query_side.program_view (program_id, partnership_id, doc, version, last_change)
                        VALUES (?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (program_id) DO UPDATE SET doc = EXCLUDED.doc, version = EXCLUDED.version,
                            last_change = EXCLUDED.last_change"""))
                .params(id, view.partnershipId, json.write(view), view.version, Timestamp.from(view.lastChange))
                .update();
        // the records and versions a batch added go in one round trip each, not one per row
        if (!impacts.isEmpty()) {
            batch.batchUpdate(tables.sql("""
                            INSERT INTO query_side.program_impact (program_id, impact_id, sequence, doc)
                            VALUES (?, ?, ?, CAST(? AS jsonb))
                            ON CONFLICT (program_id, impact_id) DO UPDATE SET doc = EXCLUDED.doc"""),
                    impacts.stream().map(impact -> new Object[] {id, impact.impactId, impact.sequence,
                            json.write(impact)}).toList());
        }
        if (!versions.isEmpty()) {
            batch.batchUpdate(tables.sql("""
                            INSERT INTO query_side.program_curriculum (program_id, version, doc)
                            VALUES (?, ?, CAST(? AS jsonb))
                            ON CONFLICT (program_id, version) DO UPDATE SET doc = EXCLUDED.doc"""),
                    versions.stream().map(version -> new Object[] {id, version.version(), json.write(version)})
                            .toList());
        }
    }

    /** Marks a stored impact record withdrawn (one recorded in the same batch is marked by the fold). */
    public void withdrawImpact(String programId, String impactId, String reason) {
        jdbc.sql(tables.sql("""
                        UPDATE query_side.program_impact
                        SET doc = doc || jsonb_build_object('withdrawn', true, 'withdrawalReason', CAST(? AS text))
                        WHERE program_id = ? AND impact_id = ?"""))
                .params(reason, programId, impactId).update();
    }

    /** Adds a co-created module to a stored curriculum version. */
    public void addToStoredVersion(String programId, int version, List<CurriculumModule> modules,
                                   CurriculumModule added) {
        jdbc.sql(tables.sql("""
                        UPDATE query_side.program_curriculum
                        SET doc = doc || jsonb_build_object('modules', CAST(? AS jsonb),
                                                            'added', (doc->'added') || CAST(? AS jsonb))
                        WHERE program_id = ? AND version = ?"""))
                .params(json.write(modules), json.write(List.of(added)), programId, version).update();
    }

    /** The whole program, impact records and curriculum versions included. */
    public Optional<ProgramView> complete(String id) {
        return load(id).map(this::withChildren);
    }

    /** The programs of a partnership, complete, in the order they were proposed. */
    public List<ProgramView> ofPartnership(String partnershipId) {
        return jdbc.sql(tables.sql("""
                        SELECT doc::text FROM query_side.program_view WHERE partnership_id = ?
                        ORDER BY doc->>'proposedAt', program_id"""))
                .param(partnershipId).query(String.class).list().stream()
                .map(doc -> withChildren(json.read(doc, ProgramView.class))).toList();
    }

    private ProgramView withChildren(ProgramView view) {
        view.impacts = new ArrayList<>(jdbc.sql(tables.sql("""
                        SELECT doc::text FROM query_side.program_impact WHERE program_id = ? ORDER BY sequence"""))
                .param(view.programId).query(String.class).list().stream()
                .map(doc -> json.read(doc, ProgramView.Impact.class)).toList());
        view.curriculumHistory = new ArrayList<>(jdbc.sql(tables.sql("""
                        SELECT doc::text FROM query_side.program_curriculum WHERE program_id = ? ORDER BY version"""))
                .param(view.programId).query(String.class).list().stream()
                .map(doc -> json.read(doc, ProgramView.CurriculumVersion.class)).toList());
        return view;
    }

    public void deleteAll() {
        jdbc.sql(tables.sql(
                "TRUNCATE query_side.program_view, query_side.program_impact, query_side.program_curriculum")).update();
    }
}
