package org.partnershipledger.command.partnership;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.partnership.PartnershipEvents.*;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.web.ProblemCode;

/** Why, by whom, on what evidence: reasons for changes of direction, evidence, and the review that decided. */
class PartnershipDecisionsTest {

    static final String Q3 = "2026-Q3";
    static final List<Evidence> MINUTES = List.of(
            new Evidence(EvidenceType.DOCUMENT, "https://wiki.example.com/steering/2026-q3.pdf", "Q3 minutes"),
            new Evidence(EvidenceType.BI_REPORT, "ttq-dashboard", null));
    static final List<Evidence> NOT_A_URI = List.of(new Evidence(EvidenceType.DOCUMENT, "minutes.pdf", null));
    static final List<CostShare> SPLIT = List.of(new CostShare("Sales", new BigDecimal("60")),
            new CostShare("L&D", new BigDecimal("40")));
    static final List<CostShare> EVEN = List.of(new CostShare("Sales", new BigDecimal("50")),
            new CostShare("L&D", new BigDecimal("50")));
    static final BigDecimal BUDGET = new BigDecimal("250000");

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static BusinessReviewHeld q3Review() {
        return new BusinessReviewHeld(ID, Q3, List.of("CLO", "Head of Sales"), List.of("Split the cost evenly"),
                List.of());
    }

    static CostSharingAgreed firstSplit() {
        return new CostSharingAgreed(ID, "EUR", BUDGET, SPLIT, "Sales benefits most");
    }

    @Nested
    class AReasonIsRequiredForEveryChangeOfDirection {
        @Test
        void aCostReSplit() {
            fixture.given(opened(), firstSplit())
                    .when(new AgreeCostSharing(ID, "EUR", BUDGET, EVEN, " ", MINUTES, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void replacingACharter() {
            fixture.given(opened(), charter())
                    .when(new SetGovernanceCharter(ID, GovernanceCadence.MONTHLY, List.of("CLO"), null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aStrategyReAlignment() {
            fixture.given(opened())
                    .when(new RealignStrategy(ID, "New vision", List.of(TIME_TO_QUOTA), null, MINUTES, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void decliningACandidate() {
            fixture.given(opened(), shortlisted("c-2", RIVAL))
                    .when(new DeclineCandidate(ID, "c-2", "", MINUTES, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void offboardingAPartner() {
            fixture.given(withSelectedPartner())
                    .when(new OffboardPartner(ID, "c-1", null, MINUTES, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void endingThePartnership() {
            fixture.given(opened())
                    .when(new EndPartnership(ID, null, MINUTES, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class TheCharter {
        @Test
        void theFirstOneNeedsNoReason() {
            fixture.given(opened())
                    .when(new SetGovernanceCharter(ID, GovernanceCadence.QUARTERLY, List.of("CLO", " Head of Sales "),
                            null))
                    .expectEvents(new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY,
                            List.of("CLO", "Head of Sales")));
        }

        @Test
        void isReplacedWithAReasonNamingTheReviewThatDecidedIt() {
            fixture.given(opened(), charter(), q3Review())
                    .when(new SetGovernanceCharter(ID, GovernanceCadence.MONTHLY, List.of("CLO", "CFO"),
                            "The CFO joins while the budget is re-split", MINUTES, Q3, null))
                    .expectEvents(new GovernanceCharterSet(ID, GovernanceCadence.MONTHLY, List.of("CLO", "CFO"),
                            MINUTES, Q3));
        }
    }

    @Nested
    class EvidenceAndTheReviewThatDecided {
        @Test
        void aCostReSplitNamesTheReviewAndWhatItRestsOn() {
            fixture.given(opened(), firstSplit(), charter(), q3Review())
                    .when(new AgreeCostSharing(ID, "EUR", BUDGET, EVEN, "Both units benefit equally now", MINUTES,
                            Q3, null))
                    .expectEvents(new CostSharingAgreed(ID, "EUR", BUDGET, EVEN, "Both units benefit equally now",
                            MINUTES, Q3));
        }

        @Test
        void aSelectionNamesTheReview() {
            fixture.given(withPassedCandidate(q3Review()))
                    .when(new SelectPartner(ID, "c-1", "Best fit on expertise", MINUTES, Q3, null))
                    .expectEvents(new PartnerSelected(ID, "c-1", ACME, "Best fit on expertise", MINUTES, Q3));
        }

        @Test
        void aReviewNotHeldHereIsAnUnknownDecisionRef() {
            fixture.given(opened(), firstSplit(), charter(), q3Review())
                    .when(new AgreeCostSharing(ID, "EUR", BUDGET, EVEN, "Re-split", List.of(), "2026-Q4", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void evidenceThatDoesNotFitItsTypeIsInvalid() {
            fixture.given(withPassedCandidate())
                    .when(new SelectPartner(ID, "c-1", "Best fit", NOT_A_URI, null, null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }

        @Test
        void anEndNamesTheReviewThatDecidedIt() {
            fixture.given(opened(), charter(), q3Review())
                    .when(new EndPartnership(ID, "Goals met", MINUTES, Q3, null))
                    .expectEvents(new PartnershipEnded(ID, "Goals met", MINUTES, Q3));
        }

        @Test
        void aDeclineWithInvalidEvidenceRecordsNothing() {
            fixture.given(opened(), shortlisted("c-2", RIVAL))
                    .when(new DeclineCandidate(ID, "c-2", "Weaker on budget",
                            List.of(new Evidence(null, "https://example.com/x", null)), null, null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }
    }

    @Test
    void anEvidenceItemThatIsNullIsInvalidNotAnError() {
        fixture.given(opened())
                .when(new EndPartnership(ID, "Goals met", java.util.Arrays.asList((Evidence) null), null, null))
                .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                .expectNoEvents();
    }

    @Nested
    class AReasonIsOptionalElsewhere {
        @Test
        void aShortlistingMayGiveOne() {
            fixture.given(opened())
                    .when(new ShortlistCandidate(ID, "c-1", ACME, "Acme Learning", PartnerRole.TRAINING_PROVIDER,
                            "Strong references", null))
                    .expectEvents(shortlisted("c-1", ACME));
        }

        @Test
        void theFirstCostSplitStillNeedsOneAsBefore() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "EUR", BUDGET, SPLIT, null, List.of(), null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    private static List<Object> withPassedCandidate(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
        events.addAll(passedDueDiligence("c-1"));
        events.addAll(List.of(more));
        return events;
    }

    private static List<Object> withSelectedPartner() {
        return withPassedCandidate(selected("c-1"));
    }
}
