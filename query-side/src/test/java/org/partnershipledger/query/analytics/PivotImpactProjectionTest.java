package org.partnershipledger.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class PivotImpactProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");
    static final Instant PIVOT_AT = Instant.parse("2026-05-01T09:00:00Z");

    @Autowired
    PivotImpactProjection projection;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aProgramWithATimeToQuotaTargetOf90Days() {
        projection.reset();
        projection.on(new PartnershipOpened(P, "Academy", "Acme", "Faster", List.of(kpi("120", "90"))));
        projection.on(new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"), List.of(), 1));
    }

    @Test
    void theNextLevel4RecordUnderTheNewCurriculumMeasuresThePivot() {
        impact("i-0", 4, "110", 1, PIVOT_AT.minusSeconds(86_400 * 30));
        pivot(2, PIVOT_AT);
        impact("i-1", 2, "80", 2, PIVOT_AT.plusSeconds(86_400 * 3)); // level 2: does not count
        impact("i-2", 4, "100", 1, PIVOT_AT.plusSeconds(86_400 * 5)); // old curriculum: does not count
        impact("i-3", 4, "95", 2, PIVOT_AT.plusSeconds(86_400 * 47 + 3_600));

        Map<String, Object> row = pivotRow();
        assertThat(row).containsEntry("impact_id", "i-3").containsEntry("lead_time_days", 47)
                .containsEntry("partnership_id", "p-1").containsEntry("pivot_trigger", "KPI_GAP")
                .containsEntry("moved_toward_target", true);
        assertThat((BigDecimal) row.get("value_before")).isEqualByComparingTo("100");
        assertThat((BigDecimal) row.get("value_after")).isEqualByComparingTo("95");
        assertThat((BigDecimal) row.get("target")).isEqualByComparingTo("90");
    }

    @Test
    void withoutAnEarlierValueTheBaselineIsTheReferenceAndMovingAwayIsFalse() {
        projection.on(new StrategyRealigned(P, "Faster still", List.of(kpi("120", "80")), "Market moved"));
        pivot(2, PIVOT_AT);
        impact("i-1", 3, "130", 2, PIVOT_AT.plusSeconds(3_600));

        Map<String, Object> row = pivotRow();
        assertThat(row).containsEntry("lead_time_days", 0).containsEntry("moved_toward_target", false);
        assertThat((BigDecimal) row.get("value_before")).isEqualByComparingTo("120");
        assertThat((BigDecimal) row.get("target")).isEqualByComparingTo("80");
    }

    @Test
    void aPivotWithoutImpactYetWaitsAndARedeliveredEventChangesNothing() {
        pivot(2, PIVOT_AT);
        pivot(2, PIVOT_AT);
        assertThat(pivotRow()).containsEntry("impact_id", null).containsEntry("lead_time_days", null);

        impact("i-1", 4, "100", 2, PIVOT_AT.plusSeconds(86_400 * 10));
        impact("i-1", 4, "100", 2, PIVOT_AT.plusSeconds(86_400 * 10));
        impact("i-2", 4, "85", 2, PIVOT_AT.plusSeconds(86_400 * 20));

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.pivot_impact_lead_time").query(Long.class).single())
                .isEqualTo(1);
        assertThat(pivotRow()).containsEntry("impact_id", "i-1").containsEntry("lead_time_days", 10);
    }

    @Test
    void aWithdrawnRecordIsFlaggedAndAResetEmptiesTheMetric() {
        pivot(2, PIVOT_AT);
        impact("i-1", 4, "100", 2, PIVOT_AT.plusSeconds(86_400));
        projection.on(new ImpactWithdrawn(G, "i-1", "Wrong extract"));

        assertThat(pivotRow()).containsEntry("impact_withdrawn", true);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.pivot_impact_last_value").query(Long.class).single())
                .isZero();

        projection.reset();
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.pivot_impact_lead_time").query(Long.class).single())
                .isZero();
    }

    @Test
    void inOneProcessorBatchEveryRecordMeasuresOnlyThePivotsBeforeIt() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        impact("i-0", 4, "110", 2, PIVOT_AT.minusSeconds(60)); // before the pivot, though of the same version
        pivot(2, PIVOT_AT);
        impact("i-1", 4, "100", 2, PIVOT_AT.plusSeconds(86_400 * 3));
        batch.commit();

        Map<String, Object> row = pivotRow();
        assertThat(row).containsEntry("impact_id", "i-1").containsEntry("lead_time_days", 3);
        assertThat((BigDecimal) row.get("value_before")).isEqualByComparingTo("110");
    }

    @Test
    void inALargeBatchTheRecordsBeforeAPivotDoNotMeasureItThoughOfItsVersionAndTheFirstAfterItDoes() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (int i = 0; i < 6; i++) { // of the new version, but recorded before the pivot
            impact("a-" + i, 4, String.valueOf(130 - i), 2, PIVOT_AT.minusSeconds(600 - i));
        }
        pivot(2, PIVOT_AT);
        impact("b-0", 4, "100", 2, PIVOT_AT.plusSeconds(86_400 * 2));
        impact("b-1", 4, "95", 2, PIVOT_AT.plusSeconds(86_400 * 3));
        pivot(3, PIVOT_AT.plusSeconds(86_400 * 4));
        impact("c-0", 4, "90", 3, PIVOT_AT.plusSeconds(86_400 * 9));
        batch.commit();

        List<Map<String, Object>> pivots = pivotRows();
        assertThat(pivots).hasSize(2);
        assertThat(pivots.get(0)).containsEntry("impact_id", "b-0").containsEntry("lead_time_days", 2);
        assertThat((BigDecimal) pivots.get(0).get("value_before")).isEqualByComparingTo("125");
        assertThat(pivots.get(1)).containsEntry("impact_id", "c-0").containsEntry("lead_time_days", 5);
        assertThat((BigDecimal) pivots.get(1).get("value_before")).isEqualByComparingTo("95");
        assertThat(lastValues()).containsEntry("prog-1", "90 c-0");
    }

    @Test
    void inALargeBatchAProgramWithoutAWaitingPivotKeepsItsLastValueAndOneWithAPivotIsMeasuredInOrder() {
        ProgramId other = new ProgramId("prog-2");
        projection.on(new ProgramProposed(other, P, "Service", List.of(), null, List.of("ttq"), List.of(), 1));
        UnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        for (int i = 0; i < 40; i++) {
            impact(G, "i-" + i, 4, String.valueOf(200 - i), 1, PIVOT_AT.minusSeconds(86_400 - i));
            impact(other, "o-" + i, 3, String.valueOf(300 - i), 1, PIVOT_AT.minusSeconds(86_400 - i));
        }
        first.commit();
        assertThat(lastValues()).containsEntry("prog-1", "161 i-39").containsEntry("prog-2", "261 o-39");

        UnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        pivot(2, PIVOT_AT);
        impact(G, "i-40", 4, "150", 1, PIVOT_AT.plusSeconds(60)); // the old curriculum: sets the value before
        impact(G, "i-41", 4, "120", 2, PIVOT_AT.plusSeconds(86_400 * 4));
        impact(G, "i-42", 4, "110", 2, PIVOT_AT.plusSeconds(86_400 * 5));
        impact(other, "o-40", 4, "250", 1, PIVOT_AT.plusSeconds(60));
        second.commit();

        Map<String, Object> row = pivotRow();
        assertThat(row).containsEntry("impact_id", "i-41").containsEntry("lead_time_days", 4);
        assertThat((BigDecimal) row.get("value_before")).isEqualByComparingTo("150");
        assertThat(lastValues()).containsEntry("prog-1", "110 i-42").containsEntry("prog-2", "250 o-40");
    }

    @Test
    void aLargeBatchWithPivotsWaitingWritesWhatTheSameEventsWriteOneByOne() {
        Runnable history = () -> {
            ProgramId other = new ProgramId("prog-2");
            projection.on(new ProgramProposed(other, P, "Service", List.of(), null, List.of("ttq"), List.of(), 1));
            pivot(2, PIVOT_AT);
            long minute = 0;
            for (int i = 0; i < 12; i++) { // the old curriculum: last values only
                impact(G, "a-" + i, 3 + i % 2, i % 3 == 0 ? "nps" : "ttq", String.valueOf(150 - i), 1,
                        PIVOT_AT.plusSeconds(60 * ++minute));
                impact(other, "b-" + i, 4, "ttq", String.valueOf(300 - i), 1, PIVOT_AT.plusSeconds(60 * ++minute));
            }
            impact(G, "c-0", 4, "ttq", "120", 2, PIVOT_AT.plusSeconds(86_400 * 3)); // measures the pivot to 2
            for (int i = 0; i < 12; i++) { // nothing left to measure until the next pivot
                impact(G, "d-" + i, 3, i % 2 == 0 ? "nps" : "ttq", String.valueOf(110 - i), 2,
                        PIVOT_AT.plusSeconds(86_400 * 3 + 60 * ++minute));
                impact(other, "e-" + i, 3, "nps", String.valueOf(40 + i), 1,
                        PIVOT_AT.plusSeconds(86_400 * 3 + 60 * ++minute));
            }
            pivot(3, PIVOT_AT.plusSeconds(86_400 * 10));
            for (int i = 0; i < 16; i++) { // still the second curriculum, then a record under the third, and more
                int version = i < 8 ? 2 : 3;
                impact(G, "f-" + i, 4, i % 2 == 0 ? "ttq" : "nps", String.valueOf(100 - i), version,
                        PIVOT_AT.plusSeconds(86_400 * (11 + i)));
                impact(other, "g-" + i, 4, "ttq", String.valueOf(280 - i), 1, PIVOT_AT.plusSeconds(86_400 * (11 + i)));
            }
        };
        history.run(); // every event written as it comes, as by a live processor
        List<Map<String, Object>> pivots = pivotRows();
        Map<String, String> lastValues = lastValuesByKpi();
        assertThat(pivots).hasSize(2).allSatisfy(row -> assertThat(row.get("impact_id")).isNotNull());
        assertThat(pivots.get(0)).containsEntry("impact_id", "c-0");
        assertThat(pivots.get(1)).containsEntry("impact_id", "f-8");
        assertThat(lastValues).containsEntry("prog-1 ttq", "86 f-14").containsEntry("prog-1 nps", "85 f-15")
                .containsEntry("prog-2 nps", "51 e-11").containsEntry("prog-2 ttq", "265 g-15");

        aProgramWithATimeToQuotaTargetOf90Days();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null); // a replay's batch: written at the end, in bulk
        history.run();
        batch.commit();

        assertThat(pivotRows()).isEqualTo(pivots);
        assertThat(lastValuesByKpi()).isEqualTo(lastValues);
    }

    private List<Map<String, Object>> pivotRows() {
        return jdbc.sql("SELECT * FROM analytics.pivot_impact_lead_time ORDER BY program_id, to_version")
                .query().listOfRows();
    }

    private Map<String, String> lastValuesByKpi() {
        Map<String, String> values = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT program_id || ' ' || kpi_id, value::text || ' ' || impact_id
                        FROM analytics.pivot_impact_last_value""")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    private Map<String, String> lastValues() {
        Map<String, String> values = new java.util.HashMap<>();
        jdbc.sql("SELECT program_id, value::text || ' ' || impact_id FROM analytics.pivot_impact_last_value")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    @Test
    void aKpiThatShouldRiseMovesTowardItsTargetWhenItRises() {
        projection.on(new StrategyRealigned(P, "More certified reps", List.of(
                new Kpi("ttq", "Certified reps", "%", bd("40"), bd("80"), LocalDate.parse("2027-06-30"))), "Flip"));
        impact("i-0", 4, "50", 1, PIVOT_AT.minusSeconds(60));
        pivot(2, PIVOT_AT);
        impact("i-1", 4, "65", 2, PIVOT_AT.plusSeconds(86_400 * 2));

        assertThat(pivotRow()).containsEntry("moved_toward_target", true).containsEntry("lead_time_days", 2);
    }

    private Map<String, Object> pivotRow() {
        return jdbc.sql("SELECT * FROM analytics.pivot_impact_lead_time").query().singleRow();
    }

    private void pivot(int toVersion, Instant at) {
        CurriculumPivoted pivot = new CurriculumPivoted(G, toVersion - 1, toVersion, "Time to quota stalled",
                PivotTrigger.KPI_GAP, List.of(), List.of(), "Head of Sales", LocalDate.parse("2026-05-01"), List.of());
        projection.on(pivot, message(pivot, at));
    }

    private void impact(String id, int level, String value, int curriculumVersion, Instant at) {
        impact(G, id, level, value, curriculumVersion, at);
    }

    private void impact(ProgramId program, String id, int level, String value, int curriculumVersion, Instant at) {
        impact(program, id, level, "ttq", value, curriculumVersion, at);
    }

    private void impact(ProgramId program, String id, int level, String kpi, String value, int curriculumVersion,
                        Instant at) {
        ImpactRecorded impact = new ImpactRecorded(program, id, level, kpi, bd(value), "days", null, "EMEA",
                LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"), ImpactSource.BI, List.of(), null, null,
                curriculumVersion);
        projection.on(impact, message(impact, at));
    }

    private static EventMessage<?> message(Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Program", G.value(), 0, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    private static Kpi kpi(String baseline, String target) {
        return new Kpi("ttq", "Time to quota", "days", bd(baseline), bd(target), LocalDate.parse("2027-06-30"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
