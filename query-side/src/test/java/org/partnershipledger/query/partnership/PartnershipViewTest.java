package org.partnershipledger.query.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;

/** The partnership fold, one event type at a time. */
class PartnershipViewTest {

    static final PartnershipId ID = new PartnershipId("p-1");
    static final Kpi TTQ = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"), null);
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    final PartnershipView view = new PartnershipView();
    long sequence;

    void given(Object... events) {
        for (Object event : events) {
            view.apply(event, sequence, T0.plusSeconds(sequence));
            sequence++;
        }
    }

    @Test
    void openingSetsNameClientVisionKpisAndStageSelection() {
        given(new PartnershipOpened(ID, "Field sales academy", "Acme Retail", "Reps productive", List.of(TTQ)));

        assertThat(view.partnershipId).isEqualTo("p-1");
        assertThat(view.stage).isEqualTo(Stage.SELECTION);
        assertThat(view.kpis).containsExactly(TTQ);
        assertThat(view.version).isZero();
        assertThat(view.openedAt).isEqualTo(T0);
    }

    @Test
    void candidatesCarryTheirDueDiligenceAndBecomeSelected() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()),
                new CandidateShortlisted(ID, "c-1", "acme-learning", "Acme", PartnerRole.MOOC),
                new DueDiligenceAssessed(ID, "c-1", DueDiligenceCriterion.WITHIN_BUDGET, 2,
                        List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.example/quotes/acme-1.pdf", null)),
                        "First quote"),
                new DueDiligenceAssessed(ID, "c-1", DueDiligenceCriterion.WITHIN_BUDGET, 4,
                        List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.example/quotes/acme-2.pdf",
                                "Revised quote")), null),
                new PartnerSelected(ID, "c-1", "acme-learning", "Best fit"));

        PartnershipView.Partner partner = view.partners.get(0);
        assertThat(partner.status).isEqualTo("SELECTED");
        assertThat(partner.role).isEqualTo(PartnerRole.MOOC);
        assertThat(partner.dueDiligence.get(DueDiligenceCriterion.WITHIN_BUDGET).score()).as("superseded").isEqualTo(4);
        assertThat(partner.dueDiligence.get(DueDiligenceCriterion.WITHIN_BUDGET).evidence()).containsExactly(
                new Evidence(EvidenceType.DOCUMENT, "https://dms.example/quotes/acme-2.pdf", "Revised quote"));
        assertThat(partner.dueDiligence.get(DueDiligenceCriterion.WITHIN_BUDGET).notes()).isNull();
        assertThat(view.selectedOrganizations()).containsExactly("acme-learning");
    }

    @Test
    void aDeclinedCandidateAndAnOffboardedPartnerShowWhyAndWhenTheyLeft() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()),
                new CandidateShortlisted(ID, "c-1", "acme-learning", "Acme", PartnerRole.MOOC),
                new CandidateShortlisted(ID, "c-2", "rival-academy", "Rival", PartnerRole.MOOC),
                new PartnerSelected(ID, "c-1", "acme-learning", "Best fit"),
                new CandidateDeclined(ID, "c-2", "rival-academy", "Weaker on budget"),
                new PartnerOffboarded(ID, "c-1", "acme-learning", "Contract not renewed"));

        PartnershipView.Partner declined = view.partners.get(1);
        assertThat(declined.status).isEqualTo("DECLINED");
        assertThat(declined.departureReason).isEqualTo("Weaker on budget");
        assertThat(declined.departureVersion).isEqualTo(4);
        assertThat(declined.departedAt).isEqualTo(T0.plusSeconds(4));
        assertThat(declined.wasSelected()).isFalse();
        PartnershipView.Partner offboarded = view.partners.get(0);
        assertThat(offboarded.status).isEqualTo("OFFBOARDED");
        assertThat(offboarded.departureReason).isEqualTo("Contract not renewed");
        assertThat(offboarded.departureVersion).isEqualTo(5);
        assertThat(offboarded.wasSelected()).isTrue();
        assertThat(view.selectedOrganizations()).as("no one is selected any more").isEmpty();
    }

    @Test
    void aReviewBeforeDeliveryLeavesTheStageAsTheAggregateDoes() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()),
                new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(ID, "2026-Q1", List.of("CLO"), List.of(), List.of()));
        assertThat(view.stage).isEqualTo(Stage.SELECTION);
        given(new OnboardingStarted(ID), new BusinessReviewHeld(ID, "2026-Q2", List.of("CLO"), List.of(), List.of()));
        assertThat(view.stage).isEqualTo(Stage.ONBOARDING);
        given(new OnboardingCompleted(ID, "done"));
        assertThat(view.stage).isEqualTo(Stage.DELIVERY);
        assertThat(view.businessReviews).hasSize(2);
    }

    @Test
    void stagesFollowOnboardingAndTheFirstReview() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()), new OnboardingStarted(ID));
        assertThat(view.stage).isEqualTo(Stage.ONBOARDING);
        given(new OnboardingCompleted(ID, "done"));
        assertThat(view.stage).isEqualTo(Stage.DELIVERY);
        given(new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of("d"), List.of(new ReviewAction("2026-Q3-1",
                        "a", Side.CLIENT, "CLO", java.time.LocalDate.parse("2026-10-31")))));
        assertThat(view.stage).isEqualTo(Stage.GOVERNANCE);
        assertThat(view.governanceCharter.cadence()).isEqualTo(GovernanceCadence.QUARTERLY);
        assertThat(view.businessReviews).extracting(PartnershipView.Review::period).containsExactly("2026-Q3");
        given(new PartnershipEnded(ID, "Goals met"));
        assertThat(view.stage).isEqualTo(Stage.ENDED);
        assertThat(view.endReason).isEqualTo("Goals met");
    }

    @Test
    void strategyCostSharesAndConcernsKeepTheirLatestState() {
        List<CostShare> split = List.of(new CostShare("Sales", new BigDecimal("100")));
        given(new PartnershipOpened(ID, "N", "C", "old", List.of()),
                new StrategyRealigned(ID, "new", List.of(TTQ), "Market moved"),
                new CostSharingAgreed(ID, "EUR", BigDecimal.TEN, split, "Sales pays"),
                new ConcernRaised(ID, "k-1", Side.PARTNER, "Late brief", "d", "acme-learning"),
                new ConcernResolved(ID, "k-1", "Brief sent"));

        assertThat(view.vision).isEqualTo("new");
        assertThat(view.kpis).containsExactly(TTQ);
        assertThat(view.costSharing.shares()).isEqualTo(split);
        assertThat(view.concerns.get(0).status).isEqualTo("RESOLVED");
        assertThat(view.concerns.get(0).resolution).isEqualTo("Brief sent");
        assertThat(view.concerns.get(0).partnerOrganizationId).isEqualTo("acme-learning");
        assertThat(view.version).isEqualTo(4);
        assertThat(view.lastChange).isEqualTo(T0.plusSeconds(4));
    }

    /** A view stored before evidence was typed keeps reading, as its event is now read, until it is written again. */
    @Test
    void anAssessmentStoredWithTextEvidenceReadsAsItsEventDoesNow() throws Exception {
        ObjectMapper stored = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

        PartnershipView.Assessment text = stored.readValue("""
                {"score": 4, "evidence": "Three reference calls", "assessedAt": "2026-03-02T10:00:00Z"}""",
                PartnershipView.Assessment.class);
        PartnershipView.Assessment uri = stored.readValue("""
                {"score": 4, "evidence": "https://dms.example/dd/acme.pdf", "assessedAt": "2026-03-02T10:00:00Z"}""",
                PartnershipView.Assessment.class);

        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(text).isEqualTo(new PartnershipView.Assessment(4, List.of(), "Three reference calls", at));
        assertThat(uri).isEqualTo(new PartnershipView.Assessment(4,
                List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.example/dd/acme.pdf", null)), null, at));
        PartnershipView.Assessment typed = new PartnershipView.Assessment(3,
                List.of(new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q1", "Q1 review")), "Fine", at);
        assertThat(stored.readValue(stored.writeValueAsString(typed), PartnershipView.Assessment.class))
                .isEqualTo(typed);
    }
}
