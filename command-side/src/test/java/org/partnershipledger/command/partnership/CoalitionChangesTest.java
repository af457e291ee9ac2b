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
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * Coalition changes: a candidate that was not selected is declined, a selected partner is offboarded, each with a
 * reason. Either way it takes no further step in the partnership, and raises no more concerns there.
 */
class CoalitionChangesTest {

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    /** Acme (c-1) selected, the rival (c-2) still a candidate. */
    static List<Object> twoCandidatesOneSelected() {
        List<Object> events = new ArrayList<>(PartnershipTest.withSelectedPartner());
        events.add(shortlisted("c-2", RIVAL));
        return events;
    }

    static List<Object> and(List<Object> given, Object... more) {
        List<Object> events = new ArrayList<>(given);
        events.addAll(List.of(more));
        return events;
    }

    @Nested
    class Declining {
        @Test
        void declinesACandidateWithItsReason() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new DeclineCandidate(ID, "c-2", "Weaker on budget", null))
                    .expectEvents(declined("c-2", RIVAL));
        }

        @Test
        void needsAReason() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new DeclineCandidate(ID, "c-2", " ", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAKnownCandidate() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new DeclineCandidate(ID, "nope", "why", null))
                    .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aSelectedPartnerIsOffboardedNotDeclined() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new DeclineCandidate(ID, "c-1", "why", null))
                    .expectException(rejected(409, ProblemCode.ALREADY_SELECTED))
                    .expectNoEvents();
        }

        @Test
        void isRefusedTwice() {
            fixture.given(and(twoCandidatesOneSelected(), declined("c-2", RIVAL)))
                    .when(new DeclineCandidate(ID, "c-2", "again", null))
                    .expectException(rejected(409, ProblemCode.CANDIDATE_DECLINED))
                    .expectNoEvents();
        }

        List<Object> declinedAfterPassingDueDiligence() {
            List<Object> given = new ArrayList<>(List.of(opened(), shortlisted("c-2", RIVAL)));
            given.addAll(passedDueDiligence("c-2"));
            given.add(declined("c-2", RIVAL));
            return given;
        }

        @Test
        void aDeclinedCandidateIsNotSelected() {
            fixture.given(declinedAfterPassingDueDiligence())
                    .when(new SelectPartner(ID, "c-2", "Changed our mind", null))
                    .expectException(rejected(409, ProblemCode.CANDIDATE_DECLINED))
                    .expectNoEvents();
        }

        @Test
        void aDeclinedCandidateIsNotAssessed() {
            fixture.given(declinedAfterPassingDueDiligence())
                    .when(new AssessDueDiligence(ID, "c-2", DueDiligenceCriterion.EXPERTISE, 5,
                            List.of(REFERENCE_CALLS), "More calls", null))
                    .expectException(rejected(409, ProblemCode.CANDIDATE_DECLINED))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipDeclinesNoOne() {
            fixture.given(and(twoCandidatesOneSelected(), new PartnershipEnded(ID, "Budget cut")))
                    .when(new DeclineCandidate(ID, "c-2", "why", null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }

        @Test
        void aDeclineDecidedOnAnOlderVersionIsRefused() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new DeclineCandidate(ID, "c-2", "why", 1L))
                    .expectException(rejected(412, ProblemCode.VERSION_MISMATCH))
                    .expectNoEvents();
        }
    }

    @Nested
    class Offboarding {
        @Test
        void offboardsASelectedPartnerWithItsReason() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new OffboardPartner(ID, "c-1", "Contract not renewed", null))
                    .expectEvents(offboarded("c-1"));
        }

        @Test
        void needsAReason() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new OffboardPartner(ID, "c-1", null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAKnownCandidate() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new OffboardPartner(ID, "nope", "why", null))
                    .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aCandidateThatWasNotSelectedIsDeclinedNotOffboarded() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new OffboardPartner(ID, "c-2", "why", null))
                    .expectException(rejected(409, ProblemCode.NOT_SELECTED))
                    .expectNoEvents();
        }

        @Test
        void isRefusedTwice() {
            fixture.given(and(twoCandidatesOneSelected(), offboarded("c-1")))
                    .when(new OffboardPartner(ID, "c-1", "again", null))
                    .expectException(rejected(409, ProblemCode.PARTNER_OFFBOARDED))
                    .expectNoEvents();
        }

        @Test
        void aDeclinedCandidateIsNotOffboarded() {
            fixture.given(and(twoCandidatesOneSelected(), declined("c-2", RIVAL)))
                    .when(new OffboardPartner(ID, "c-2", "why", null))
                    .expectException(rejected(409, ProblemCode.CANDIDATE_DECLINED))
                    .expectNoEvents();
        }

        @Test
        void anOffboardedPartnerIsNotSelectedAgain() {
            fixture.given(and(twoCandidatesOneSelected(), offboarded("c-1")))
                    .when(new SelectPartner(ID, "c-1", "Back again", null))
                    .expectException(rejected(409, ProblemCode.PARTNER_OFFBOARDED))
                    .expectNoEvents();
        }

        @Test
        void onboardingNeedsAPartnerStillInTheCoalition() {
            fixture.given(and(twoCandidatesOneSelected(), offboarded("c-1")))
                    .when(new StartOnboarding(ID, null))
                    .expectException(rejected(409, ProblemCode.NO_SELECTED_PARTNER))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipOffboardsNoOne() {
            fixture.given(and(twoCandidatesOneSelected(), new PartnershipEnded(ID, "Budget cut")))
                    .when(new OffboardPartner(ID, "c-1", "why", null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ConcernsAboutAPartner {
        @Test
        void aManagerNamesThePartnerOrganisationAConcernIsAbout() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new RaiseConcern(ID, "k-1", Side.CLIENT, "Late materials", "d", ACME, null, null))
                    .expectEvents(new ConcernRaised(ID, "k-1", Side.CLIENT, "Late materials", "d", ACME));
        }

        @Test
        void theNamedOrganisationIsACandidateHere() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new RaiseConcern(ID, "k-1", Side.CLIENT, "s", "d", "someone-else", null, null))
                    .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aPartnersConcernIsItsOwnWhateverTheBodyNames() {
            fixture.given(twoCandidatesOneSelected())
                    .when(new RaiseConcern(ID, "k-1", Side.PARTNER, "Scope creep", "d", RIVAL, ACME, null))
                    .expectEvents(new ConcernRaised(ID, "k-1", Side.PARTNER, "Scope creep", "d", ACME));
        }

        @Test
        void aDeclinedCandidateRaisesNoMoreConcerns() {
            fixture.given(and(twoCandidatesOneSelected(), declined("c-2", RIVAL)))
                    .when(new RaiseConcern(ID, "k-1", Side.PARTNER, "Unfair", "d", null, RIVAL, null))
                    .expectException(rejected(409, ProblemCode.PARTNER_ACCESS_ENDED))
                    .expectNoEvents();
        }

        @Test
        void anOffboardedPartnerRaisesNoMoreConcerns() {
            fixture.given(and(twoCandidatesOneSelected(), offboarded("c-1")))
                    .when(new RaiseConcern(ID, "k-1", Side.PARTNER, "Unpaid invoice", "d", null, ACME, null))
                    .expectException(rejected(409, ProblemCode.PARTNER_ACCESS_ENDED))
                    .expectNoEvents();
        }

        @Test
        void aConcernMayStillNameAPartnerThatLeft() {
            fixture.given(and(twoCandidatesOneSelected(), offboarded("c-1")))
                    .when(new RaiseConcern(ID, "k-1", Side.CLIENT, "Handover incomplete", "d", ACME, null, null))
                    .expectEvents(new ConcernRaised(ID, "k-1", Side.CLIENT, "Handover incomplete", "d", ACME));
        }
    }
}
