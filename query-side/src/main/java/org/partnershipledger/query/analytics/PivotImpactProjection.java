package org.partnershipledger.query.analytics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.readmodel.BatchedWrites;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.PerPartnership;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Metric: pivot-to-impact lead time ({@code analytics.pivot_impact_lead_time}). Each curriculum pivot waits for the
 * program's next level-3 or level-4 impact record measured under the new curriculum (its curriculum version is the
 * pivot's or later). That record fills in the lead time in whole days, its KPI, the KPI's value before (the
 * program's previous level-3/4 value of that KPI, else the partnership's baseline) and after, the partnership's
 * target, and whether the KPI moved toward the target. A new processing group: on its first start it replays the
 * whole history. Only unfilled pivots are filled and facts are keyed, so a redelivered event changes nothing. A
 * measurement needs its program's pivots and values and its partnership's KPIs, never another partnership's
 * ({@link PerPartnership}).
 */
@Component
@ProcessingGroup(PivotImpactProjection.NAME)
@Owns({"analytics.pivot_impact_lead_time", "analytics.pivot_impact_program", "analytics.pivot_impact_kpi",
        "analytics.pivot_impact_last_value"})
@PerPartnership
class PivotImpactProjection {

    static final String NAME = "pivot-impact";
    private static final String MEASURE = """
            WITH reference AS (
                SELECT k.target, COALESCE(v.value, k.baseline) AS before
                FROM analytics.pivot_impact_program p
                LEFT JOIN analytics.pivot_impact_kpi k
                       ON k.partnership_id = (SELECT partnership_id FROM analytics.pivot_impact_program
                                              WHERE program_id = ?)
                      AND k.kpi_id = ?
                LEFT JOIN analytics.pivot_impact_last_value v ON v.program_id = p.program_id AND v.kpi_id = ?
                WHERE p.program_id = ?
            ), measured AS (
                UPDATE analytics.pivot_impact_lead_time t
                SET impact_id = ?, impact_level = ?, kpi_id = ?, impact_recorded_at = ?,
                    lead_time_days = FLOOR(EXTRACT(EPOCH FROM (CAST(? AS timestamptz) - t.pivoted_at)) / 86400),
                    value_before = r.before, value_after = ?, target = r.target,
                    moved_toward_target = CASE WHEN r.target IS NULL OR r.before IS NULL THEN NULL
                                               ELSE abs(r.target - ?) < abs(r.target - r.before) END
                FROM reference r
                WHERE t.program_id = ? AND t.impact_id IS NULL AND t.to_version <= ?
                RETURNING 1
            )
            INSERT INTO analytics.pivot_impact_last_value (program_id, kpi_id, value, impact_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (program_id, kpi_id) DO UPDATE SET value = EXCLUDED.value, impact_id = EXCLUDED.impact_id""";

    /**
     * Impact records are measured in batches, with the pivots among them in their order; every other write sends
     * what is pending first, to keep the order.
     */
    private final BatchedWrites measurements;
    /** Programs proposed: batched, so a proposal does not send the records pending before it early. */
    private final BatchedWrites programs;
    private final Tables tables;

    PivotImpactProjection(Tables tables) {
        this.tables = tables;
        this.programs = tables.batched("""
                INSERT INTO analytics.pivot_impact_program (program_id, partnership_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""");
        this.measurements = tables.batched(MEASURE, this::inOrder);
    }



    @EventHandler
    void on(PartnershipOpened event) {
        kpis(event.partnershipId(), event.kpis());
    }

    @EventHandler
    void on(StrategyRealigned event) {
        kpis(event.partnershipId(), event.kpis());
    }

    private void kpis(PartnershipId partnership, List<Kpi> kpis) {
        for (Kpi kpi : kpis) {
            tables.sql("""
                            INSERT INTO analytics.pivot_impact_kpi (partnership_id, kpi_id, baseline, target)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (partnership_id, kpi_id) DO UPDATE SET baseline = EXCLUDED.baseline,
                                target = EXCLUDED.target""")
                    .params(partnership.value(), kpi.kpiId(), kpi.baseline(), kpi.target())
                    .update();
        }
    }

    @EventHandler
    void on(ProgramProposed event) {
        programs.add(event.programId().value(), event.partnershipId().value());
    }

    private static final String PIVOT = """
            INSERT INTO analytics.pivot_impact_lead_time (program_id, to_version, partnership_id, pivoted_at,
                pivot_trigger, pivot_reason)
            SELECT ?, ?, (SELECT partnership_id FROM analytics.pivot_impact_program WHERE program_id = ?), ?, ?, ?
            ON CONFLICT DO NOTHING""";

    /** A pivot waiting in a batch among its records, to be written before them ({@link #inOrder}). */
    private record Pivoted(String program, int toVersion, Timestamp at, String trigger, String reason) {
    }

    /**
     * A pivot goes with the batch's records, in their order, rather than sending them first: in the full run's
     * history a program pivots every tenth command, and a pivot that wrote the records pending before it cut a
     * replay's batch into runs of a few records, each with its own round trips.
     */
    @EventHandler
    void on(CurriculumPivoted event, EventMessage<?> message) {
        measurements.add(new Pivoted(event.programId().value(), event.toVersion(),
                Timestamp.from(message.getTimestamp()), event.trigger() == null ? null : event.trigger().name(),
                event.reason()));
    }

    /**
     * One statement per level-3/4 record, sent in batches: it fills the pivots the record measures, comparing with
     * the KPI's last value as it was before this record, and then makes this record the KPI's last value (the parts
     * of one statement see the same snapshot).
     */
    @EventHandler
    void on(ImpactRecorded event, EventMessage<?> message) {
        if (event.level() != 3 && event.level() != 4) {
            return;
        }
        String program = event.programId().value();
        Timestamp recordedAt = Timestamp.from(message.getTimestamp());
        // the statement's parameters; lastValuesAtOnce reads the program [0], the KPI [1], the impact [4], the value
        // [9] and the curriculum version [12]
        measurements.add(program, event.kpiId(), event.kpiId(), program, event.impactId(), event.level(), event.kpiId(),
                recordedAt, recordedAt, event.value(), event.value(), program, event.curriculumVersion(), program,
                event.kpiId(), event.value(), event.impactId());
    }

    /**
     * A batch's pivots and records, as added: the pivots are written first, and each record measures only the pivots
     * added before it. A record's curriculum version is what it measures up to ({@code to_version <= ?}); a record
     * followed in the batch by a pivot of its program measures up to that pivot's version less one, so the pivot,
     * written already, waits for the records after it, as it would have, written in its turn. Then the records go
     * one by one or sorted ({@link #lastValuesAtOnce}).
     */
    private List<Object[]> inOrder(List<Object[]> rows) {
        programs.flush(); // the programs proposed so far in the batch, which the pivots and records name
        List<Object[]> pivots = new ArrayList<>();
        List<Object[]> records = new ArrayList<>(rows.size());
        Map<String, Integer> pivotAfter = new HashMap<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Object[] row = rows.get(i);
            if (row[0] instanceof Pivoted pivot) {
                pivots.add(new Object[] {pivot.program(), pivot.toVersion(), pivot.program(), pivot.at(),
                        pivot.trigger(), pivot.reason()});
                pivotAfter.put(pivot.program(), pivot.toVersion());
                continue;
            }
            Integer next = pivotAfter.get((String) row[0]);
            if (next != null && (Integer) row[12] >= next) {
                row = row.clone();
                row[12] = next - 1;
            }
            records.add(row);
        }
        Collections.reverse(pivots);
        Collections.reverse(records);
        tables.directBatch(PIVOT, pivots);
        return records.size() < SORTED ? records : lastValuesAtOnce(records);
    }

    /**
     * From this many records a batch's are sorted ({@link #lastValuesAtOnce}); fewer (a live batch) are measured one
     * by one, in one round trip.
     */
    static final int SORTED = 4;

    private static final String LAST_VALUES = """
            INSERT INTO analytics.pivot_impact_last_value (program_id, kpi_id, value, impact_id)
            SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS numeric[]),
                                 CAST(? AS varchar[]))
            ON CONFLICT (program_id, kpi_id) DO UPDATE SET value = EXCLUDED.value, impact_id = EXCLUDED.impact_id""";

    /**
     * A record measures its program's pivots waiting with a curriculum version up to its own (all of them, in one
     * statement); any other record only makes itself its KPI's last value, so of a run of those only the last of each
     * KPI counts. In a batch, the records of a program before its first measuring record are written as last values,
     * the last of each program and KPI, all in one statement. The measuring records are measured one by one, in
     * order (returned, for the batch), each after the last values of the records before it; after a program's
     * measuring record, the last record of each KPI in each run up to its next one (or to the end) goes with them,
     * so the last value is right when the next record measures and when the batch ends. Before this, every record
     * of a program with a pivot waiting went one by one: a program's pivot waits from the pivot to its first record
     * under the new curriculum, so a batch holding both sent most of the program's records one statement each. The
     * batch's pivots are written already, and each record's version is bounded to the pivots before it
     * ({@link #inOrder}).
     */
    private List<Object[]> lastValuesAtOnce(List<Object[]> rows) {
        String[] programs = rows.stream().map(row -> (String) row[0]).distinct().toArray(String[]::new);
        Map<String, TreeSet<Integer>> waiting = new HashMap<>();
        tables.direct("""
                        SELECT program_id, to_version FROM analytics.pivot_impact_lead_time
                        WHERE impact_id IS NULL AND program_id = ANY(?)""")
                .param(programs).query((result, n) -> waiting.computeIfAbsent(result.getString(1),
                        program -> new TreeSet<>()).add(result.getInt(2))).list();
        List<Object[]> measured = new ArrayList<>();
        Map<List<String>, Object[]> before = new LinkedHashMap<>();
        /* per program that measured in this batch: the last record of each KPI since it last measured */
        Map<String, Map<String, Object[]>> since = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String program = (String) row[0];
            TreeSet<Integer> pivots = waiting.get(program);
            int version = (Integer) row[12];
            if (pivots != null && !pivots.isEmpty() && pivots.first() <= version) {
                Map<String, Object[]> run = since.put(program, new LinkedHashMap<>());
                if (run != null) {
                    measured.addAll(run.values());
                }
                measured.add(row);
                pivots.headSet(version, true).clear(); // measured by this record
            } else if (since.containsKey(program)) {
                since.get(program).put((String) row[1], row);
            } else {
                before.put(List.of(program, (String) row[1]), row);
            }
        }
        since.values().forEach(run -> measured.addAll(run.values()));
        if (!before.isEmpty()) {
            List<Object[]> values = List.copyOf(before.values());
            tables.direct(LAST_VALUES).params(
                    values.stream().map(row -> (String) row[0]).toArray(String[]::new),
                    values.stream().map(row -> (String) row[1]).toArray(String[]::new),
                    values.stream().map(row -> row[9].toString()).toArray(String[]::new),
                    values.stream().map(row -> (String) row[4]).toArray(String[]::new)).update();
        }
        return measured;
    }

    /** A withdrawn record is flagged where it measured a pivot, and no longer counts as the KPI's last value. */
    @EventHandler
    void on(ImpactWithdrawn event) {
        tables.sql("UPDATE analytics.pivot_impact_lead_time SET impact_withdrawn = TRUE WHERE impact_id = ?")
                .param(event.impactId()).update();
        tables.sql("DELETE FROM analytics.pivot_impact_last_value WHERE program_id = ? AND impact_id = ?")
                .params(event.programId().value(), event.impactId()).update();
    }

    @ResetHandler
    void reset() {
        tables.sql("""
                TRUNCATE analytics.pivot_impact_lead_time, analytics.pivot_impact_program, analytics.pivot_impact_kpi,
                    analytics.pivot_impact_last_value""").update();
        tables.forgetPosition();
    }
}
