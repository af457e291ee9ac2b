package org.partnershipledger.command.partnership;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.partnership.PartnershipEvents.*;

import java.util.ArrayList;
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

class PartnershipTest {

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static List<Object> withSelectedPartner() {
        List<Object> events = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
        events.addAll(passedDueDiligence("c-1"));
        events.add(selected("c-1"));
        return events;
    }

    @Nested
    class Opening {
        @Test
        void recordsVisionAndKpisAtVersionZero() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPartnership(ID, "Field sales academy", "Acme Retail", "Reps productive in 90 days",
                            List.of(TIME_TO_QUOTA), "Sales onboarding takes too long"))
                    .expectEvents(opened())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void needsAReason() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPartnership(ID, "N", "C", null, List.of(), "  "))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAName() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPartnership(ID, "", "C", null, List.of(), "why"))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameKpiTwice() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPartnership(ID, "N", "C", null, List.of(TIME_TO_QUOTA, TIME_TO_QUOTA), "why"))
                    .expectException(rejected(400, ProblemCode.DUPLICATE_KPI))
                    .expectNoEvents();
        }
    }

    @Nested
    class Shortlisting {
        @Test
        void addsACandidate() {
            fixture.given(opened())
                    .when(new ShortlistCandidate(ID, "c-1", ACME, "Acme Learning", PartnerRole.TRAINING_PROVIDER, null))
                    .expectEvents(shortlisted("c-1", ACME))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void refusesTheSameOrganisationTwice() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new ShortlistCandidate(ID, "c-2", ACME, "Acme again", PartnerRole.MOOC, null))
                    .expectException(rejected(409, ProblemCode.ALREADY_SHORTLISTED))
                    .expectNoEvents();
        }

        @Test
        void needsAnOrganisationSlug() {
            fixture.given(opened())
                    .when(new ShortlistCandidate(ID, "c-1", "Acme Learning!", "Acme", PartnerRole.MOOC, null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class DueDiligence {
        @Test
        void recordsAnAssessmentWithEvidence() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 4, List.of(REFERENCE_CALLS), null))
                    .expectEvents(assessed("c-1", DueDiligenceCriterion.EXPERTISE, 4));
        }

        @Test
        void keepsNotesBesideTheReferencesAndTrimsThem() {
            Evidence review = new Evidence(EvidenceType.BUSINESS_REVIEW, " 2026-Q3 ", " Q3 review ");
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.CULTURAL_FIT, 3, List.of(REFERENCE_CALLS, review),
                            "  Two of three references were enthusiastic  "))
                    .expectEvents(new DueDiligenceAssessed(ID, "c-1", DueDiligenceCriterion.CULTURAL_FIT, 3,
                            List.of(REFERENCE_CALLS, new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q3",
                                    "Q3 review")), "Two of three references were enthusiastic"));
        }

        @Test
        void needsAKnownCandidate() {
            fixture.given(opened())
                    .when(new AssessDueDiligence(ID, "nope", DueDiligenceCriterion.EXPERTISE, 4,
                            List.of(REFERENCE_CALLS), null, null))
                    .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void needsAScoreFromZeroToFive() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 6, List.of(REFERENCE_CALLS), null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void needsEvidence() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 4, null, "Reference calls"))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void notesAloneAreNoEvidence() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 4, List.of(), "Three reference calls"))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void refusesADocumentThatIsNotAWebAddress() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 4,
                            List.of(new Evidence(EvidenceType.DOCUMENT, "Three reference calls", null)), null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesNotesLongerThan4000Characters() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(assess(DueDiligenceCriterion.EXPERTISE, 4, List.of(REFERENCE_CALLS), "n".repeat(4001)))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        private AssessDueDiligence assess(DueDiligenceCriterion criterion, int score, List<Evidence> evidence,
                                          String notes) {
            return new AssessDueDiligence(ID, "c-1", criterion, score, evidence, notes, null);
        }

        @Test
        void aReassessmentSupersedesTheFailingScore() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
            given.addAll(passedDueDiligence("c-1"));
            given.add(assessed("c-1", DueDiligenceCriterion.WITHIN_BUDGET, 1));
            given.add(assessed("c-1", DueDiligenceCriterion.WITHIN_BUDGET, 3));
            fixture.given(given)
                    .when(new SelectPartner(ID, "c-1", "Budget plan revised", null))
                    .expectEvents(new PartnerSelected(ID, "c-1", ACME, "Budget plan revised"));
        }
    }

    @Nested
    class Selection {
        @Test
        void selectsACandidateThatPassedDueDiligence() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
            given.addAll(passedDueDiligence("c-1"));
            fixture.given(given)
                    .when(new SelectPartner(ID, "c-1", "Best fit on expertise", null))
                    .expectEvents(selected("c-1"));
        }

        @Test
        void isRefusedWhileARequiredCriterionIsNotAssessed() {
            fixture.given(opened(), shortlisted("c-1", ACME), assessed("c-1", DueDiligenceCriterion.EXPERTISE, 5))
                    .when(new SelectPartner(ID, "c-1", "why", null))
                    .expectException(rejected(409, ProblemCode.DUE_DILIGENCE_INCOMPLETE))
                    .expectNoEvents();
        }

        @Test
        void isRefusedWhenARequiredCriterionScoredBelowThree() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
            given.addAll(passedDueDiligence("c-1"));
            given.add(assessed("c-1", DueDiligenceCriterion.WITHIN_BUDGET, 2));
            fixture.given(given)
                    .when(new SelectPartner(ID, "c-1", "why", null))
                    .expectException(rejected(409, ProblemCode.DUE_DILIGENCE_FAILED))
                    .expectNoEvents();
        }

        @Test
        void aLowCulturalFitDoesNotBlockSelection() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
            given.addAll(passedDueDiligence("c-1"));
            given.add(assessed("c-1", DueDiligenceCriterion.CULTURAL_FIT, 1));
            fixture.given(given)
                    .when(new SelectPartner(ID, "c-1", "Best fit on expertise", null))
                    .expectEvents(selected("c-1"));
        }

        @Test
        void needsAReason() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-1", ACME)));
            given.addAll(passedDueDiligence("c-1"));
            fixture.given(given)
                    .when(new SelectPartner(ID, "c-1", "", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void isRefusedTwice() {
            fixture.given(withSelectedPartner())
                    .when(new SelectPartner(ID, "c-1", "again", null))
                    .expectException(rejected(409, ProblemCode.ALREADY_SELECTED))
                    .expectNoEvents();
        }

        @Test
        void needsAKnownCandidate() {
            fixture.given(opened())
                    .when(new SelectPartner(ID, "nope", "why", null))
                    .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Strategy {
        @Test
        void realignsVisionAndKpisWithAReason() {
            fixture.given(opened())
                    .when(new RealignStrategy(ID, "Reps productive in 60 days", List.of(TIME_TO_QUOTA),
                            "Market moved", null))
                    .expectEvents(new StrategyRealigned(ID, "Reps productive in 60 days", List.of(TIME_TO_QUOTA),
                            "Market moved"));
        }

        @Test
        void needsAReason() {
            fixture.given(opened())
                    .when(new RealignStrategy(ID, "v", List.of(), null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Onboarding {
        @Test
        void startsWithASelectedPartner() {
            fixture.given(withSelectedPartner())
                    .when(new StartOnboarding(ID, null))
                    .expectEvents(new OnboardingStarted(ID));
        }

        @Test
        void needsASelectedPartner() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new StartOnboarding(ID, null))
                    .expectException(rejected(409, ProblemCode.NO_SELECTED_PARTNER))
                    .expectNoEvents();
        }

        @Test
        void startsOnlyOnce() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(new OnboardingStarted(ID));
            fixture.given(given)
                    .when(new StartOnboarding(ID, null))
                    .expectException(rejected(409, ProblemCode.INVALID_STAGE))
                    .expectNoEvents();
        }

        @Test
        void completesWithASummary() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(new OnboardingStarted(ID));
            fixture.given(given)
                    .when(new CompleteOnboarding(ID, "Trainers certified", null))
                    .expectEvents(new OnboardingCompleted(ID, "Trainers certified"));
        }

        @Test
        void completesOnlyWhileInProgress() {
            fixture.given(withSelectedPartner())
                    .when(new CompleteOnboarding(ID, "done", null))
                    .expectException(rejected(409, ProblemCode.INVALID_STAGE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Governance {
        @Test
        void setsACharter() {
            fixture.given(opened())
                    .when(new SetGovernanceCharter(ID, GovernanceCadence.QUARTERLY, List.of("CLO", "Head of Sales"), null))
                    .expectEvents(charter());
        }

        @Test
        void aCharterNamesSteeringMembers() {
            fixture.given(opened())
                    .when(new SetGovernanceCharter(ID, GovernanceCadence.MONTHLY, List.of(), null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void holdsAReviewForAPeriod() {
            fixture.given(opened(), charter())
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of("Add a module"),
                            List.of(new HoldBusinessReview.Action("Draft it", Side.PARTNER, "Ana",
                                    java.time.LocalDate.parse("2026-10-31"))), null))
                    .expectEvents(new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of("Add a module"),
                            List.of(new ReviewAction("2026-Q3-1", "Draft it", Side.PARTNER, "Ana",
                                    java.time.LocalDate.parse("2026-10-31")))));
        }

        @Test
        void aReviewNeedsACharter() {
            fixture.given(opened())
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(), null))
                    .expectException(rejected(409, ProblemCode.NO_GOVERNANCE_CHARTER))
                    .expectNoEvents();
        }

        @Test
        void onlyOneReviewPerPeriod() {
            fixture.given(opened(), charter(), new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of(), List.of()))
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(), null))
                    .expectException(rejected(409, ProblemCode.REVIEW_ALREADY_HELD))
                    .expectNoEvents();
        }

        @Test
        void aPeriodIsAQuarterOrAMonth() {
            fixture.given(opened(), charter())
                    .when(new HoldBusinessReview(ID, "summer", List.of("CLO"), List.of(), List.of(), null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    /** The stage model (see the table in docs/domain.md): an early business review must not block onboarding. */
    @Nested
    class Stages {
        BusinessReviewHeld review(String period) {
            return new BusinessReviewHeld(ID, period, List.of("CLO"), List.of(), List.of());
        }

        @Test
        void aReviewHeldDuringSelectionLeavesOnboardingPossible() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(charter());
            given.add(review("2026-Q1"));
            fixture.given(given)
                    .when(new StartOnboarding(ID, null))
                    .expectEvents(new OnboardingStarted(ID));
        }

        @Test
        void aReviewHeldDuringOnboardingLeavesItToComplete() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(charter());
            given.add(new OnboardingStarted(ID));
            given.add(review("2026-Q2"));
            fixture.given(given)
                    .when(new CompleteOnboarding(ID, "Trainers certified", null))
                    .expectEvents(new OnboardingCompleted(ID, "Trainers certified"));
        }

        @Test
        void aReviewInDeliveryMovesToGovernanceWhereOnboardingCannotStartAgain() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(charter());
            given.add(new OnboardingStarted(ID));
            given.add(new OnboardingCompleted(ID, "Trainers certified"));
            given.add(review("2026-Q3"));
            fixture.given(given)
                    .when(new StartOnboarding(ID, null))
                    .expectException(rejected(409, ProblemCode.INVALID_STAGE))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipTakesNoReview() {
            List<Object> given = new ArrayList<>(withSelectedPartner());
            given.add(charter());
            given.add(new PartnershipEnded(ID, "Budget cut"));
            fixture.given(given)
                    .when(new HoldBusinessReview(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(), null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }
    }
}
