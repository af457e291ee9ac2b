package org.partnershipledger.query.analytics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.PartnerOffboarded;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.readmodel.BatchedWrites;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.PerPartnership;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * {@code analytics.impact_fact}: one row per impact record with its program, partnership, the partners selected
 * (and not offboarded) when it was recorded, KPI, level, value, where and when, and whether it was withdrawn. Keyed by impact id and
 * written with conflict guards, so redelivery changes nothing; reset empties it for a replay. A fact needs its
 * program's partnership and that partnership's partners, never another partnership's ({@link PerPartnership}).
 */
@Component
@ProcessingGroup(ImpactFactProjection.NAME)
@Owns({"analytics.impact_fact", "analytics.selected_partner", "analytics.program_partnership"})
@PerPartnership
class ImpactFactProjection {

    static final String NAME = "impact-facts";

    private static final String INTO_FACTS = """
            INSERT INTO analytics.impact_fact (impact_id, program_id, partnership_id, selected_partners,
                kpi_id, level, value, unit, region, cohort_id, period_start, period_end, source,
                curriculum_version, recorded_at)
            """;
    private static final String INSERT_FACT = INTO_FACTS + """
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (impact_id) DO NOTHING""";
    /** One record at a time, its partnership and partners looked up by the statement itself: for small batches. */
    private static final String INSERT_ONE = INTO_FACTS + """
            SELECT ?, p.program_id, p.partnership_id,
                   ARRAY(SELECT s.organization_id FROM analytics.selected_partner s
                         WHERE s.partnership_id = p.partnership_id ORDER BY s.organization_id),
                   ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            FROM analytics.program_partnership p WHERE p.program_id = ?
            ON CONFLICT (impact_id) DO NOTHING""";
    /** Each program's partnership and the partners selected in it now, for a batch's impact records at once. */
    private static final String PARTNERSHIPS = """
            SELECT p.program_id, p.partnership_id,
                   ARRAY(SELECT s.organization_id FROM analytics.selected_partner s
                         WHERE s.partnership_id = p.partnership_id ORDER BY s.organization_id) AS selected
            FROM analytics.program_partnership p WHERE p.program_id = ANY(?)""";

    /** Impact records are written in batches; every other write sends what is pending first, to keep the order. */
    private final BatchedWrites facts;
    /** Programs proposed: batched, so a proposal does not send the records pending before it early. */
    private final BatchedWrites programs;
    private final Tables tables;

    ImpactFactProjection(Tables tables) {
        this.tables = tables;
        this.programs = tables.batched("""
                INSERT INTO analytics.program_partnership (program_id, partnership_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""");
        this.facts = tables.batched(INSERT_FACT, this::withPartnerships);
    }


    @EventHandler
    void on(PartnerSelected event) {
        tables.sql("""
                        INSERT INTO analytics.selected_partner (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.partnershipId().value(), event.organizationId()).update();
    }

    /** An offboarded partner is no longer among those the impact recorded afterwards is credited to. */
    @EventHandler
    void on(PartnerOffboarded event) {
        tables.sql("DELETE FROM analytics.selected_partner WHERE partnership_id = ? AND organization_id = ?")
                .params(event.partnershipId().value(), event.organizationId()).update();
    }

    @EventHandler
    void on(ProgramProposed event) {
        programs.add(event.programId().value(), event.partnershipId().value());
    }

    /** Sent in batches: the impact records are most of the history. */
    @EventHandler
    void on(ImpactRecorded event, EventMessage<?> message) {
        facts.add(event.impactId(), event.programId().value(), null, null, event.kpiId(), event.level(),
                event.value(), event.unit(), event.region(), event.cohortId(), event.periodStart(),
                event.periodEnd(), event.source().name(), event.curriculumVersion(),
                Timestamp.from(message.getTimestamp()));
    }

    /**
     * The partnership and the partners selected in it, as they are when the rows are written: every earlier event
     * of the batch is in the tables by then (a statement on them sends the pending rows first). A record of a
     * program proposed in no known partnership is left out. A small batch's records are written here, each by a
     * statement that looks up its own (one round trip for them all); what is returned is written as one COPY.
     */
    private List<Object[]> withPartnerships(List<Object[]> rows) {
        programs.flush(); // the programs proposed so far in the batch, which these records may belong to
        if (rows.size() < BatchedWrites.BULK) {
            // a live batch of a few records: one round trip, as the statement finds what it needs itself
            tables.directBatch(INSERT_ONE, rows.stream().map(row -> new Object[] {row[0], row[4], row[5], row[6],
                    row[7], row[8], row[9], row[10], row[11], row[12], row[13], row[14], row[1]}).toList());
            return List.of();
        }
        String[] programs = rows.stream().map(row -> (String) row[1]).distinct().toArray(String[]::new);
        Map<String, Object[]> known = new HashMap<>();
        tables.direct(PARTNERSHIPS).param(programs).query(rs -> {
            known.put(rs.getString(1), new Object[] {rs.getString(2), rs.getArray(3).getArray()});
        });
        List<Object[]> completed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] partnership = known.get((String) row[1]);
            if (partnership != null) {
                Object[] full = row.clone();
                full[2] = partnership[0];
                full[3] = partnership[1];
                completed.add(full);
            }
        }
        return completed;
    }

    @EventHandler
    void on(ImpactWithdrawn event) {
        tables.sql("UPDATE analytics.impact_fact SET withdrawn = TRUE, withdrawal_reason = ? WHERE impact_id = ?")
                .params(event.reason(), event.impactId()).update();
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE analytics.impact_fact, analytics.selected_partner, analytics.program_partnership").update();
        tables.forgetPosition();
    }
}
