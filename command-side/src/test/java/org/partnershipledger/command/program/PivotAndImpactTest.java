package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

class PivotAndImpactTest {

    static final CurriculumModule AI_TOOLS = new CurriculumModule(new ModuleId("m-9"), "Selling with AI tools");

    FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(new FakePartnershipStatus().with(PARTNERSHIP, "ttq"));
        fixture.registerInjectableResource(ProgramTest.NOW);
    }

    static PivotCurriculum pivot(List<CurriculumModule> add, List<ModuleId> remove, String reason) {
        return new PivotCurriculum(ID, reason, PivotTrigger.KPI_GAP, add, remove, "Head of Sales",
                LocalDate.parse("2026-11-01"), null);
    }

    static RecordImpact impact(int level, String kpiId, LocalDate periodEnd) {
        return new RecordImpact(ID, "i-1", level, kpiId, new BigDecimal("104"), "days", null, "EMEA",
                LocalDate.parse("2026-07-01"), periodEnd, ImpactSource.BI, List.of("bi://dashboards/ttq"), null, null,
                null);
    }

    @Nested
    class Pivots {
        @Test
        void makeTheNextCurriculumVersion() {
            fixture.given(proposed(), approved())
                    .when(pivot(List.of(AI_TOOLS), List.of(OBJECTIONS.moduleId()), "Time to quota stalled"))
                    .expectEvents(new CurriculumPivoted(ID, 1, 2, "Time to quota stalled", PivotTrigger.KPI_GAP,
                            List.of(AI_TOOLS), List.of(OBJECTIONS.moduleId()), "Head of Sales",
                            LocalDate.parse("2026-11-01"), List.of(DISCOVERY, AI_TOOLS)));
        }

        @Test
        void goUpByExactlyOneEachTime() {
            fixture.given(proposed(), approved(), new CurriculumPivoted(ID, 1, 2, "r", PivotTrigger.OTHER,
                            List.of(AI_TOOLS), List.of(), "x", null, List.of(DISCOVERY, OBJECTIONS, AI_TOOLS)))
                    .when(pivot(List.of(), List.of(AI_TOOLS.moduleId()), "Tools not ready"))
                    .expectEvents(new CurriculumPivoted(ID, 2, 3, "Tools not ready", PivotTrigger.KPI_GAP, List.of(),
                            List.of(AI_TOOLS.moduleId()), "Head of Sales", LocalDate.parse("2026-11-01"),
                            List.of(DISCOVERY, OBJECTIONS)));
        }

        @Test
        void needAReason() {
            fixture.given(proposed(), approved())
                    .when(pivot(List.of(AI_TOOLS), List.of(), " "))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needApproval() {
            fixture.given(proposed())
                    .when(pivot(List.of(AI_TOOLS), List.of(), "why"))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void cannotRemoveAModuleThatIsNotThere() {
            fixture.given(proposed(), approved())
                    .when(pivot(List.of(), List.of(new ModuleId("m-404")), "why"))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_MODULE))
                    .expectNoEvents();
        }

        @Test
        void mustChangeSomething() {
            fixture.given(proposed(), approved())
                    .when(pivot(List.of(), List.of(), "why"))
                    .expectException(rejected(409, ProblemCode.PIVOT_CHANGES_NOTHING))
                    .expectNoEvents();
        }
    }

    @Nested
    class Impact {
        @Test
        void isRecordedWithTheCurriculumVersionInForce() {
            fixture.given(proposed(), approved(), new CurriculumPivoted(ID, 1, 2, "r", PivotTrigger.OTHER,
                            List.of(AI_TOOLS), List.of(), "x", null, List.of(DISCOVERY, OBJECTIONS, AI_TOOLS)))
                    .when(impact(4, "ttq", LocalDate.parse("2026-09-30")))
                    .expectEvents(new ImpactRecorded(ID, "i-1", 4, "ttq", new BigDecimal("104"), "days", null, "EMEA",
                            LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI,
                            List.of("bi://dashboards/ttq"), null, null, 2));
        }

        @Test
        void isForAKpiTheProgramTargets() {
            fixture.given(proposed(), approved())
                    .when(impact(4, "nps", LocalDate.parse("2026-09-30")))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_KPI))
                    .expectNoEvents();
        }

        @Test
        void isForAPeriodThatHasEnded() {
            fixture.given(proposed(), approved())
                    .when(impact(4, "ttq", LocalDate.parse("2026-10-16")))
                    .expectException(rejected(409, ProblemCode.PERIOD_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void isOnALevelFromOneToFive() {
            fixture.given(proposed(), approved())
                    .when(impact(6, "ttq", LocalDate.parse("2026-09-30")))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void roiNeedsCostAndBenefit() {
            fixture.given(proposed(), approved())
                    .when(impact(5, "ttq", LocalDate.parse("2026-09-30")))
                    .expectException(rejected(400, ProblemCode.ROI_NEEDS_COST_AND_BENEFIT))
                    .expectNoEvents();
        }

        @Test
        void isWithdrawnWithAReasonNeverDeleted() {
            fixture.given(proposed(), approved(), recorded())
                    .when(new WithdrawImpact(ID, "i-1", "Wrong BI extract", null))
                    .expectEvents(new ImpactWithdrawn(ID, "i-1", "Wrong BI extract"));
        }

        @Test
        void anUnknownRecordCannotBeWithdrawn() {
            fixture.given(proposed(), approved())
                    .when(new WithdrawImpact(ID, "i-9", "why", null))
                    .expectException(rejected(404, ProblemCode.IMPACT_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void isWithdrawnOnce() {
            fixture.given(proposed(), approved(), recorded(), new ImpactWithdrawn(ID, "i-1", "r"))
                    .when(new WithdrawImpact(ID, "i-1", "again", null))
                    .expectException(rejected(409, ProblemCode.IMPACT_ALREADY_WITHDRAWN))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalNeedsAReason() {
            fixture.given(proposed(), approved(), recorded())
                    .when(new WithdrawImpact(ID, "i-1", "", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void canStillBeCorrectedAfterRetirement() {
            fixture.given(proposed(), approved(), recorded(), new ProgramRetired(ID, "done"))
                    .when(new WithdrawImpact(ID, "i-1", "Wrong BI extract", null))
                    .expectEvents(new ImpactWithdrawn(ID, "i-1", "Wrong BI extract"));
        }

        private ImpactRecorded recorded() {
            return new ImpactRecorded(ID, "i-1", 4, "ttq", new BigDecimal("104"), "days", null, "EMEA",
                    LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null,
                    null, 1);
        }
    }
}
