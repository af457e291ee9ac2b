package org.partnershipledger.command.partnership;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.partnership.PartnershipEvents.*;

import java.time.LocalDate;
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

/** Mutual accountability: a review's actions are tracked until each is done or dropped with a reason. */
class ReviewActionsTest {

    static final LocalDate DUE = LocalDate.parse("2026-10-31");
    static final ReviewAction MEASURE = new ReviewAction("2026-Q3-1", "Measure L3 in EMEA", Side.CLIENT, "CLO", DUE);
    static final ReviewAction DRAFT = new ReviewAction("2026-Q3-2", "Draft the AI module", Side.PARTNER, "Ana", DUE);
    static final Evidence MINUTES = new Evidence(EvidenceType.DOCUMENT, "https://docs.example.com/l3-report", null);

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static List<Object> reviewed() {
        return List.of(opened(), charter(), new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of(),
                List.of(MEASURE, DRAFT)));
    }

    @Nested
    class Holding {
        @Test
        void numbersTheActionsByPeriodInTheirOrder() {
            fixture.given(opened(), charter())
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(
                            new HoldBusinessReview.Action(" Measure L3 in EMEA ", Side.CLIENT, "CLO", DUE),
                            new HoldBusinessReview.Action("Draft the AI module", Side.PARTNER, "Ana", DUE)), null))
                    .expectEvents(new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of(),
                            List.of(MEASURE, DRAFT)));
        }

        @Test
        void anActionNeedsAnOwnerSideAnOwnerAndADueDate() {
            fixture.given(opened(), charter())
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(
                            new HoldBusinessReview.Action("Measure", null, "CLO", DUE)), null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Completing {
        @Test
        void completesAnOpenActionWithItsNoteAndEvidence() {
            fixture.given(reviewed())
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", " Report shared ", List.of(MINUTES), "2026-Q3",
                            null, null))
                    .expectEvents(new ReviewActionCompleted(ID, "2026-Q3-1", "Report shared", List.of(MINUTES),
                            "2026-Q3"));
        }

        @Test
        void needsAKnownAction() {
            fixture.given(reviewed())
                    .when(new CompleteReviewAction(ID, "2026-Q3-9", null, null, null, null, null))
                    .expectException(rejected(404, ProblemCode.REVIEW_ACTION_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void isRefusedOnceDone() {
            fixture.given(reviewed()).andGiven(new ReviewActionCompleted(ID, "2026-Q3-1", null, List.of(), null))
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", null, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.REVIEW_ACTION_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void isRefusedOnceDropped() {
            fixture.given(reviewed()).andGiven(new ReviewActionDropped(ID, "2026-Q3-1", "No budget", List.of(), null))
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", null, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.REVIEW_ACTION_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeldHere() {
            fixture.given(reviewed())
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", null, null, "2025-Q1", null, null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void evidenceMustFitItsType() {
            fixture.given(reviewed())
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", null,
                            List.of(new Evidence(EvidenceType.DOCUMENT, "not a uri", null)), null, null, null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipTakesNoCompletion() {
            fixture.given(reviewed()).andGiven(new PartnershipEnded(ID, "Done"))
                    .when(new CompleteReviewAction(ID, "2026-Q3-1", null, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Dropping {
        @Test
        void dropsAnOpenActionWithItsReason() {
            fixture.given(reviewed())
                    .when(new DropReviewAction(ID, "2026-Q3-2", null, null, "Module cut from the plan", null))
                    .expectEvents(new ReviewActionDropped(ID, "2026-Q3-2", "Module cut from the plan", List.of(),
                            null));
        }

        @Test
        void needsAReason() {
            fixture.given(reviewed())
                    .when(new DropReviewAction(ID, "2026-Q3-2", null, null, " ", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAKnownAction() {
            fixture.given(reviewed())
                    .when(new DropReviewAction(ID, "nope", null, null, "why", null))
                    .expectException(rejected(404, ProblemCode.REVIEW_ACTION_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void isRefusedOnceClosed() {
            fixture.given(reviewed()).andGiven(new ReviewActionCompleted(ID, "2026-Q3-2", null, List.of(), null))
                    .when(new DropReviewAction(ID, "2026-Q3-2", null, null, "why", null))
                    .expectException(rejected(409, ProblemCode.REVIEW_ACTION_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeldHere() {
            fixture.given(reviewed())
                    .when(new DropReviewAction(ID, "2026-Q3-2", null, "2026-Q4", "why", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }
    }
}
