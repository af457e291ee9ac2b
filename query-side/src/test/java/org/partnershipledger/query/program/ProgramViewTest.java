package org.partnershipledger.query.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;

/** The program fold and the impact summary built on it. */
class ProgramViewTest {

    static final ProgramId ID = new ProgramId("prog-1");
    static final CurriculumModule DISCOVERY = new CurriculumModule(new ModuleId("m-1"), "Discovery");
    static final CurriculumModule OBJECTIONS = new CurriculumModule(new ModuleId("m-2"), "Objections");
    static final CurriculumModule AI = new CurriculumModule(new ModuleId("m-3"), "AI tools");
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    final ProgramView view = new ProgramView();
    long sequence;

    void given(Object... events) {
        for (Object event : events) {
            view.apply(event, sequence, T0.plusSeconds(sequence * 60), "manager", "because");
            sequence++;
        }
    }

    static ProgramProposed proposed() {
        return new ProgramProposed(ID, new PartnershipId("p-1"), "Consultative selling", List.of("o"), "reps",
                List.of("ttq"), List.of(DISCOVERY), 1);
    }

    static ImpactRecorded impact(String id, int level, String value, String periodEnd) {
        return new ImpactRecorded(ID, id, level, "ttq", new BigDecimal(value), "days", null, "EMEA",
                LocalDate.parse("2026-07-01"), LocalDate.parse(periodEnd), ImpactSource.BI, List.of(), null, null, 1);
    }

    @Test
    void aProposalStartsCurriculumVersionOneWithItsReason() {
        given(proposed());

        assertThat(view.status).isEqualTo("PROPOSED");
        assertThat(view.curriculum.version()).isEqualTo(1);
        assertThat(view.curriculumHistory.get(0).origin()).isEqualTo("PROPOSED");
        assertThat(view.curriculumHistory.get(0).reason()).isEqualTo("because");
    }

    @Test
    void coCreatedModulesJoinTheCurrentVersion() {
        given(proposed(), new ModuleCoCreated(ID, AI.moduleId(), AI.title(), List.of("sme"), List.of("designer"), 1));

        assertThat(view.curriculum.modules()).containsExactly(DISCOVERY, AI);
        assertThat(view.curriculumHistory).hasSize(1);
        assertThat(view.curriculumHistory.get(0).added()).containsExactly(DISCOVERY, AI);
    }

    @Test
    void aPivotAddsAVersionWithItsDiffTriggerAndApprover() {
        given(proposed(), new ModuleCoCreated(ID, OBJECTIONS.moduleId(), OBJECTIONS.title(), List.of("a"), List.of("b"), 1),
                new ProgramApproved(ID, "Head of Sales"),
                new CurriculumPivoted(ID, 1, 2, "KPI stalled", PivotTrigger.KPI_GAP, List.of(AI),
                        List.of(OBJECTIONS.moduleId()), "Head of Sales", null, List.of(DISCOVERY, AI)));

        assertThat(view.curriculum.version()).isEqualTo(2);
        ProgramView.CurriculumVersion v2 = view.curriculumHistory.get(1);
        assertThat(v2.origin()).isEqualTo("PIVOTED");
        assertThat(v2.trigger()).isEqualTo(PivotTrigger.KPI_GAP);
        assertThat(v2.added()).containsExactly(AI);
        assertThat(v2.removed()).containsExactly(OBJECTIONS);
        assertThat(v2.approvedBy()).isEqualTo("Head of Sales");
    }

    @Test
    void statusLocalisationsAndCohortsFollowTheirEvents() {
        given(proposed(), new ProgramApproved(ID, "Head of Sales"),
                new ProgramLocalized(ID, "l-1", "LATAM", "es", "UTC", List.of("cases")),
                new CohortScheduled(ID, "co-1", "EMEA", LocalDate.parse("2026-09-01"), 20),
                new CohortDelivered(ID, "co-1", LocalDate.parse("2026-09-30"), 18, "Ana"),
                new ProgramRetired(ID, "Replaced"));

        assertThat(view.status).isEqualTo("RETIRED");
        assertThat(view.closingReason).isEqualTo("Replaced");
        assertThat(view.localizations).extracting(ProgramView.Localization::region).containsExactly("LATAM");
        assertThat(view.cohorts.get(0).participantsCompleted).isEqualTo(18);
    }

    @Test
    void theImpactSummaryCountsOnlyStandingRecordsAndMeasuresLevelFourAgainstTheTarget() {
        given(proposed(), new ProgramApproved(ID, "x"),
                impact("i-1", 4, "110", "2026-08-31"),
                impact("i-2", 4, "100", "2026-09-30"),
                impact("i-3", 4, "50", "2026-09-30"),
                new ImpactWithdrawn(ID, "i-3", "Wrong extract"),
                impact("i-4", 1, "4.5", "2026-09-30"));
        Kpi ttq = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"), null);

        ImpactSummary.KpiImpact summary = ImpactSummary.of(view, List.of(ttq)).get(0);

        ImpactSummary.Level results = summary.levels().get(3);
        assertThat(results.latestValue()).isEqualByComparingTo("100");
        assertThat(results.recordCount()).isEqualTo(2);
        assertThat(results.records()).hasSize(3).anyMatch(r -> r.withdrawn && r.withdrawalReason.equals("Wrong extract"));
        assertThat(summary.levels().get(0).latestValue()).isEqualByComparingTo("4.5");
        assertThat(summary.percentOfTarget()).isEqualByComparingTo("66.67");
    }

    @Test
    void percentOfTargetNeedsAnActualAndADistanceToGo() {
        assertThat(ImpactSummary.percentOfTarget(null, BigDecimal.ONE, BigDecimal.TEN)).isNull();
        assertThat(ImpactSummary.percentOfTarget(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN)).isNull();
        assertThat(ImpactSummary.percentOfTarget(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN))
                .isEqualByComparingTo("100");
    }
}
