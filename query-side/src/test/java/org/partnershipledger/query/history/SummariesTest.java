package org.partnershipledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.*;

/** The board's one-line sentences, written from the events' own fields. */
class SummariesTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("g-1");

    @Test
    void aDecisionSaysWhatHappenedAndWhy() {
        assertThat(Summaries.of(new PartnerSelected(P, "pt-1", "org-7", "Best field coverage"), "PartnerSelected",
                "Best field coverage")).isEqualTo("Partner org-7 selected: Best field coverage");
        assertThat(Summaries.of(new CurriculumPivoted(G, 1, 2, "Pilot feedback", PivotTrigger.LEARNER_FEEDBACK,
                        List.of(), List.of(), "Head of Sales", LocalDate.parse("2026-10-01"),
                        List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery"))), "CurriculumPivoted", null))
                .isEqualTo("Curriculum pivoted v1→v2 (LEARNER_FEEDBACK): Pilot feedback, approved by Head of Sales");
    }

    @Test
    void aCandidateDeclinedAndAPartnerOffboardedSayWhy() {
        assertThat(Summaries.of(new CandidateDeclined(P, "pt-2", "org-8", "Weaker on budget"), "CandidateDeclined",
                "Weaker on budget")).isEqualTo("Candidate org-8 declined: Weaker on budget");
        assertThat(Summaries.of(new PartnerOffboarded(P, "pt-1", "org-7", "Contract not renewed"),
                "PartnerOffboarded", "Contract not renewed")).isEqualTo("Partner org-7 offboarded: Contract not renewed");
    }

    @Test
    void anAssessmentNamesItsReferencesAndNotes() {
        assertThat(Summaries.of(new DueDiligenceAssessed(P, "pt-1", DueDiligenceCriterion.EXPERTISE, 4,
                List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.example/dd/calls.pdf", "Reference calls"),
                        new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q1", null)), "Enthusiastic"),
                "DueDiligenceAssessed", null))
                .isEqualTo("Due diligence on EXPERTISE scored 4/5 (evidence: Reference calls, 2026-Q1; notes: "
                        + "Enthusiastic)");
        assertThat(Summaries.of(new DueDiligenceAssessed(P, "pt-1", DueDiligenceCriterion.EXPERTISE, 4, List.of(),
                "Three reference calls"), "DueDiligenceAssessed", null))
                .as("recorded as revision 1, with text only")
                .isEqualTo("Due diligence on EXPERTISE scored 4/5 (evidence: -; notes: Three reference calls)");
    }

    @Test
    void aConcernNamesThePartnerItIsAbout() {
        assertThat(Summaries.of(new ConcernRaised(P, "k-1", Side.CLIENT, "Late materials", "d", "org-7"),
                "ConcernRaised", null)).isEqualTo("Concern raised by CLIENT (org-7): Late materials");
        assertThat(Summaries.of(new ConcernRaised(P, "k-2", Side.CLIENT, "Budget", "d", null), "ConcernRaised", null))
                .isEqualTo("Concern raised by CLIENT: Budget");
    }

    @Test
    void amountsReadAsWritten() {
        assertThat(Summaries.of(new CostSharingAgreed(P, "EUR", new BigDecimal("120000.00"),
                        List.of(new CostShare("Sales", new BigDecimal("60")), new CostShare("Ops", new BigDecimal("40"))),
                        "Budget split"), "CostSharingAgreed", null))
                .isEqualTo("Cost sharing of 120000.00 EUR agreed: Sales 60%, Ops 40%");
        assertThat(Summaries.of(new ImpactRecorded(G, "i-1", 4, "ttq", new BigDecimal("12.5"), "days", null, null,
                        LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null,
                        null, 1), "ImpactRecorded", null))
                .isEqualTo("Impact recorded: level 4 ttq = 12.5 days (2026-07-01 to 2026-09-30, BI)");
    }

    @Test
    void theLifecycleSaysWhatWasDecidedAndWhy() {
        assertThat(Summaries.of(new ReviewActionDropped(P, "2026-Q3-2", "Cut", List.of(), null),
                "ReviewActionDropped", "Cut")).isEqualTo("Review action 2026-Q3-2 dropped: Cut");
        assertThat(Summaries.of(new ReviewActionCompleted(P, "2026-Q3-1", "Shared", List.of(), null),
                "ReviewActionCompleted", null)).isEqualTo("Review action 2026-Q3-1 done: Shared");
        assertThat(Summaries.of(new PartnerReviewRecorded(P, "c-1", "org-7", "2026-Q3", 4, 3, 5, 2, null, List.of(),
                null), "PartnerReviewRecorded", null)).isEqualTo("Partner org-7 reviewed for 2026-Q3: quality 4, "
                + "on-time delivery 3, budget 5, facilitation 2 (of 5)");
        assertThat(Summaries.of(new AgreementSigned(P, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                LocalDate.parse("2027-09-30"), List.of(), null), "AgreementSigned", null))
                .isEqualTo("Agreement signed for 2026-01-01 to 2027-12-31, renewal by 2027-09-30");
        assertThat(Summaries.of(new AgreementRenewed(P, LocalDate.parse("2029-12-31"), LocalDate.parse("2029-09-30"),
                "Results", List.of(), null), "AgreementRenewed", "Results"))
                .isEqualTo("Agreement renewed to 2029-12-31, next renewal by 2029-09-30: Results");
        assertThat(Summaries.of(new AgreementNotRenewed(P, "In-house", List.of(), null), "AgreementNotRenewed",
                "In-house")).isEqualTo("Agreement not renewed: In-house");
        assertThat(Summaries.of(new ScopeExtended(P, List.of("LATAM"), List.of("Negotiation"), "Growth", List.of(),
                null), "ScopeExtended", "Growth")).isEqualTo("Scope extended to LATAM, Negotiation: Growth");
        assertThat(Summaries.of(new CostShareAccepted(P, "Sales", "Head of Sales", List.of(), null),
                "CostShareAccepted", null)).isEqualTo("Sales accepted its cost share (Head of Sales)");
        assertThat(Summaries.of(new SpendRecorded(P, "s-1", "Sales", "EUR", new BigDecimal("1200.50"), "2026-Q3",
                "Facilitation", List.of(), null), "SpendRecorded", null))
                .isEqualTo("Sales spent 1200.50 EUR in 2026-Q3: Facilitation");
    }

    @Test
    void learningRecordsSayWhatTheyFeedAndWhichCurationTheyShowInUse() {
        assertThat(Summaries.of(new XapiMappingSet(
                new ProgramId("g-1"), List.of("http://lms.example.com/c"),
                List.of(), List.of(new XapiRule(
                        "http://adlnet.gov/expapi/verbs/passed", "ttq", 2,
                        XapiMeasure.SCORE_SCALED_MEAN, null, null)), false),
                null, null)).isEqualTo("Learning records (xAPI) mapped: http://adlnet.gov/expapi/verbs/passed -> L2 "
                + "ttq (SCORE_SCALED_MEAN)");
        assertThat(Summaries.of(new CurationUseRecorded(
                new ProgramId("g-1"), "c-1", List.of(
                        new Evidence(
                                EvidenceType.XAPI_STATEMENT,
                                "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", null))), null, null))
                .isEqualTo("1 learning record(s) show curation c-1 in use");
    }

    @Test
    void anEventThisVersionDoesNotKnowIsNamedByItsType() {
        assertThat(Summaries.of(null, "PartnershipRenamed", "Merger")).isEqualTo("PartnershipRenamed: Merger");
    }
}
