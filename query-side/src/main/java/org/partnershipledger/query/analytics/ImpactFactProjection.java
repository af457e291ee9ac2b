package org.partnershipledger.query.analytics;

import java.util.List;
import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.readmodel.ReadModel;
import org.partnershipledger.query.readmodel.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code analytics.impact_fact}: one row per impact record with its program, partnership, the partners selected
 * when it was recorded, KPI, level, value, where and when, and whether it was withdrawn. Keyed by impact id and
 * written with conflict guards, so redelivery changes nothing; reset empties it for a replay.
 */
@Component
@ProcessingGroup(ImpactFactProjection.NAME)
class ImpactFactProjection {

    static final String NAME = "impact-facts";

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    @Autowired
    ImpactFactProjection(JdbcClient jdbc) {
        this(jdbc, ReadModelTables.LIVE);
    }

    ImpactFactProjection(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** A rebuild runs a second copy of this projection into copies of its tables. */
    @Bean
    static ReadModel impactFactsReadModel(JdbcClient jdbc) {
        return new ReadModel(NAME, List.of("analytics.impact_fact", "analytics.selected_partner",
                "analytics.program_partnership"), tables -> new ImpactFactProjection(jdbc, tables));
    }

    @EventHandler
    void on(PartnerSelected event) {
        jdbc.sql(tables.sql("""
                        INSERT INTO analytics.selected_partner (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING"""))
                .params(event.partnershipId().value(), event.organizationId()).update();
    }

    @EventHandler
    void on(ProgramProposed event) {
        jdbc.sql(tables.sql("""
                        INSERT INTO analytics.program_partnership (program_id, partnership_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING"""))
                .params(event.programId().value(), event.partnershipId().value()).update();
    }

    @EventHandler
    void on(ImpactRecorded event, EventMessage<?> message) {
        jdbc.sql(tables.sql("""
                        INSERT INTO analytics.impact_fact (impact_id, program_id, partnership_id, selected_partners,
                            kpi_id, level, value, unit, region, cohort_id, period_start, period_end, source,
                            curriculum_version, recorded_at)
                        SELECT ?, p.program_id, p.partnership_id,
                               ARRAY(SELECT s.organization_id FROM analytics.selected_partner s
                                     WHERE s.partnership_id = p.partnership_id ORDER BY s.organization_id),
                               ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        FROM analytics.program_partnership p WHERE p.program_id = ?
                        ON CONFLICT (impact_id) DO NOTHING"""))
                .params(event.impactId(), event.kpiId(), event.level(), event.value(), event.unit(), event.region(),
                        event.cohortId(), Date.valueOf(event.periodStart()), Date.valueOf(event.periodEnd()),
                        event.source().name(), event.curriculumVersion(), Timestamp.from(message.getTimestamp()),
                        event.programId().value())
                .update();
    }

    @EventHandler
    void on(ImpactWithdrawn event) {
        jdbc.sql(tables.sql(
                        "UPDATE analytics.impact_fact SET withdrawn = TRUE, withdrawal_reason = ? WHERE impact_id = ?"))
                .params(event.reason(), event.impactId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql(tables.sql(
                "TRUNCATE analytics.impact_fact, analytics.selected_partner, analytics.program_partnership")).update();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(NAME).update();
    }
}
