package org.partnershipledger.query.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
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
                new DueDiligenceAssessed(ID, "c-1", DueDiligenceCriterion.WITHIN_BUDGET, 2, "First quote"),
                new DueDiligenceAssessed(ID, "c-1", DueDiligenceCriterion.WITHIN_BUDGET, 4, "Revised quote"),
                new PartnerSelected(ID, "c-1", "acme-learning", "Best fit"));

        PartnershipView.Partner partner = view.partners.get(0);
        assertThat(partner.status).isEqualTo("SELECTED");
        assertThat(partner.role).isEqualTo(PartnerRole.MOOC);
        assertThat(partner.dueDiligence.get(DueDiligenceCriterion.WITHIN_BUDGET).score()).as("superseded").isEqualTo(4);
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
}
