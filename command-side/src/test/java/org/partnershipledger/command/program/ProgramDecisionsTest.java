package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * Program decisions: reasons, evidence, the business review of the program's partnership that took them (checked
 * against what the partnership registry knows), and approvers from the partnership's steering group.
 */
class ProgramDecisionsTest {

    static final String Q3 = "2026-Q3";
    static final CurriculumModule AI_TOOLS = new CurriculumModule(new ModuleId("m-9"), "Selling with AI tools");
    static final List<Evidence> EVIDENCE = List.of(
            new Evidence(EvidenceType.BI_REPORT, "https://bi.example.com/ttq", "Time to quota, Q3"),
            new Evidence(EvidenceType.XAPI_STATEMENT, "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", null));
    static final LocalDate NOVEMBER = LocalDate.parse("2026-11-01");

    FixtureConfiguration<Program> fixture;
    FakePartnershipStatus partnerships = new FakePartnershipStatus().with(PARTNERSHIP, "ttq").reviewed(PARTNERSHIP, Q3);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(partnerships);
        fixture.registerInjectableResource(ProgramTest.NOW);
    }

    static PivotCurriculum pivot(String approvedBy, List<Evidence> evidence, String decisionRef) {
        return new PivotCurriculum(ID, "Time to quota stalled", PivotTrigger.KPI_GAP, List.of(AI_TOOLS),
                List.of(OBJECTIONS.moduleId()), approvedBy, NOVEMBER, evidence, decisionRef, null);
    }

    @Nested
    class Pivots {
        @Test
        void nameTheReviewThatDecidedThemAndWhatTheyRestOn() {
            fixture.given(proposed(), approved())
                    .when(pivot("Head of Sales", EVIDENCE, Q3))
                    .expectEvents(new CurriculumPivoted(ID, 1, 2, "Time to quota stalled", PivotTrigger.KPI_GAP,
                            List.of(AI_TOOLS), List.of(OBJECTIONS.moduleId()), "Head of Sales", NOVEMBER,
                            List.of(DISCOVERY, AI_TOOLS), EVIDENCE, Q3));
        }

        @Test
        void areApprovedByASteeringMember() {
            fixture.given(proposed(), approved())
                    .when(pivot("Intern", List.of(), null))
                    .expectException(rejected(409, ProblemCode.APPROVER_NOT_STEERING_MEMBER))
                    .expectNoEvents();
        }

        @Test
        void needACharterToBeApprovedAtAll() {
            partnerships.withoutCharter(PARTNERSHIP);
            fixture.given(proposed(), approved())
                    .when(pivot("Head of Sales", List.of(), null))
                    .expectException(rejected(409, ProblemCode.APPROVER_NOT_STEERING_MEMBER))
                    .expectNoEvents();
        }

        @Test
        void nameOnlyAReviewHeldInTheirPartnership() {
            fixture.given(proposed(), approved())
                    .when(pivot("Head of Sales", List.of(), "2026-Q2"))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void refuseEvidenceThatDoesNotFitItsType() {
            fixture.given(proposed(), approved())
                    .when(pivot("Head of Sales", List.of(new Evidence(EvidenceType.XAPI_STATEMENT, "s-1", null)),
                            null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approval {
        @Test
        void byASteeringMemberWithTheReview() {
            fixture.given(proposed())
                    .when(new ApproveProgram(ID, "CLO", "Fits the Q3 priorities", EVIDENCE, Q3, null))
                    .expectEvents(new ProgramApproved(ID, "CLO", EVIDENCE, Q3));
        }

        @Test
        void byAnyoneElseIsRefused() {
            fixture.given(proposed())
                    .when(new ApproveProgram(ID, "Someone", null))
                    .expectException(rejected(409, ProblemCode.APPROVER_NOT_STEERING_MEMBER))
                    .expectNoEvents();
        }

        @Test
        void withoutACharterIsRefused() {
            partnerships.withoutCharter(PARTNERSHIP);
            fixture.given(proposed())
                    .when(new ApproveProgram(ID, "Head of Sales", null))
                    .expectException(rejected(409, ProblemCode.APPROVER_NOT_STEERING_MEMBER))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangesOfDirection {
        @Test
        void aRejectionNamesTheReview() {
            fixture.given(proposed())
                    .when(new RejectProgram(ID, "Budget cut", EVIDENCE, Q3, null))
                    .expectEvents(new ProgramRejected(ID, "Budget cut", EVIDENCE, Q3));
        }

        @Test
        void aRejectionNeedsAReason() {
            fixture.given(proposed())
                    .when(new RejectProgram(ID, null, EVIDENCE, Q3, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aRetirementNamesTheReview() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "Replaced by the AI track", List.of(), Q3, null))
                    .expectEvents(new ProgramRetired(ID, "Replaced by the AI track", List.of(), Q3));
        }

        @Test
        void aRetirementNeedsAReason() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, " ", List.of(), Q3, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aRetirementNamingAnUnknownReviewIsRefused() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "Replaced", List.of(), "2025-Q1", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalCarriesItsEvidence() {
            fixture.given(proposed(), approved(), recorded())
                    .when(new WithdrawImpact(ID, "i-1", "Wrong cohort", EVIDENCE, null, null))
                    .expectEvents(new ImpactWithdrawn(ID, "i-1", "Wrong cohort", EVIDENCE, null));
        }

        @Test
        void aWithdrawalNeedsAReason() {
            fixture.given(proposed(), approved(), recorded())
                    .when(new WithdrawImpact(ID, "i-1", null, EVIDENCE, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class AReasonIsOptionalElsewhere {
        @Test
        void aCohortMayGiveOne() {
            fixture.given(proposed(), approved())
                    .when(new ScheduleCohort(ID, "c-1", "EMEA", LocalDate.parse("2026-09-01"), 20,
                            "First wave of new hires", null))
                    .expectEvents(cohort("c-1", 20));
        }
    }

    private static ImpactRecorded recorded() {
        return new ImpactRecorded(ID, "i-1", 4, "ttq", new java.math.BigDecimal("104"), "days", null, "EMEA",
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null, null, 1);
    }
}
