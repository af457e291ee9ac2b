package org.partnershipledger.query.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;

/** The partnership fold of the lifecycle: review actions, partner reviews, the agreement, scope, cost in practice. */
class LifecycleViewTest {

    static final PartnershipId ID = new PartnershipId("p-1");
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-10-31");
    static final Evidence REPORT = new Evidence(EvidenceType.DOCUMENT, "https://docs.example.com/r.pdf", null);

    final PartnershipView view = new PartnershipView();
    long sequence;

    void given(Object... events) {
        for (Object event : events) {
            view.apply(event, sequence, T0.plusSeconds(sequence * 86_400));
            sequence++;
        }
    }

    void opened() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()),
                new CandidateShortlisted(ID, "c-1", "acme-learning", "Acme Learning", PartnerRole.MOOC),
                new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(
                        new ReviewAction("2026-Q3-1", "Measure", Side.CLIENT, "CLO", DUE),
                        new ReviewAction("2026-Q3-2", "Draft", Side.PARTNER, "Ana", DUE),
                        new ReviewAction("2026-Q3-3", "Translate", Side.PARTNER, "Ana", DUE.plusMonths(2)))));
    }

    @Test
    void actionsAreOpenUntilDoneOrDroppedAndOverdueOnlyAsOfTheDayRead() {
        opened();
        given(new ReviewActionCompleted(ID, "2026-Q3-1", "Shared", List.of(REPORT), "2026-Q3"),
                new ReviewActionDropped(ID, "2026-Q3-2", "Cut from the plan", List.of(), null));

        List<ActionItem> actions = view.businessReviews.get(0).actions();
        assertThat(actions).extracting(a -> a.status).containsExactly("DONE", "DROPPED", "OPEN");
        assertThat(actions.get(0).note).isEqualTo("Shared");
        assertThat(actions.get(0).evidence).containsExactly(REPORT);
        assertThat(actions.get(1).reason).isEqualTo("Cut from the plan");
        assertThat(actions.get(1).closedAt).isEqualTo(T0.plusSeconds(5 * 86_400));
        assertThat(actions).allMatch(a -> a.overdue == null);

        view.asOf(DUE.plusMonths(2).plusDays(1));
        assertThat(actions).extracting(a -> a.overdue).containsExactly(false, false, true);
        view.asOf(DUE.plusMonths(2));
        assertThat(actions.get(2).overdue).as("due today is not overdue yet").isFalse();
    }

    @Test
    void eachPartnerShowsItsReviewsInPeriodOrderAndTheLatestChangePerDimension() {
        opened();
        given(new PartnerReviewRecorded(ID, "c-1", "acme-learning", "2026-Q4", 4, 5, 3, 4, null, List.of(), null),
                new PartnerReviewRecorded(ID, "c-1", "acme-learning", "2026-Q3", 3, 3, 4, 4, "Late", List.of(), null));

        PartnerTrend trend = view.partnerReviews.get(0);
        assertThat(trend.name).isEqualTo("Acme Learning");
        assertThat(trend.reviews).extracting(PartnerTrend.Scorecard::period).containsExactly("2026-Q3", "2026-Q4");
        assertThat(trend.latest.get("quality")).isEqualTo(new PartnerTrend.Latest(4, 1));
        assertThat(trend.latest.get("onTimeDelivery")).isEqualTo(new PartnerTrend.Latest(5, 2));
        assertThat(trend.latest.get("budget")).isEqualTo(new PartnerTrend.Latest(3, -1));
        assertThat(trend.latest.get("facilitationQuality")).isEqualTo(new PartnerTrend.Latest(4, 0));
    }

    @Test
    void aFirstReviewHasNoChange() {
        opened();
        given(new PartnerReviewRecorded(ID, "c-1", "acme-learning", "2026-09", 4, 4, 4, 4, null, List.of(), null));

        assertThat(view.partnerReviews.get(0).latest.get("quality")).isEqualTo(new PartnerTrend.Latest(4, null));
    }

    @Test
    void theAgreementStatusDependsOnTheDayRead() {
        opened();
        given(new AgreementSigned(ID, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                LocalDate.parse("2027-09-30"), List.of(REPORT), null));

        assertThat(view.asOf(LocalDate.parse("2027-07-01")).agreement.status).isEqualTo("IN_FORCE");
        assertThat(view.asOf(LocalDate.parse("2027-07-02")).agreement.status).isEqualTo("RENEWAL_DUE");
        given(new AgreementRenewed(ID, LocalDate.parse("2029-12-31"), LocalDate.parse("2029-09-30"), "Results",
                List.of(), "2026-Q3"));
        assertThat(view.asOf(LocalDate.parse("2027-07-02")).agreement.status).isEqualTo("IN_FORCE");
        assertThat(view.agreement.renewals.get(0).previousTermEnd()).isEqualTo(LocalDate.parse("2027-12-31"));
        given(new AgreementNotRenewed(ID, "In-house", List.of(), null));
        assertThat(view.asOf(LocalDate.parse("2028-01-01")).agreement.status).isEqualTo("NOT_RENEWED");
        assertThat(view.asOf(LocalDate.parse("2030-01-01")).agreement.status).isEqualTo("EXPIRED");
        assertThat(view.agreement.notRenewedReason).isEqualTo("In-house");
    }

    @Test
    void anEndedPartnershipIsReadAsOfItsEnd() {
        opened();
        given(new AgreementSigned(ID, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                LocalDate.parse("2027-09-30"), List.of(REPORT), null));
        // ends on day 5 (2026-07-06): no action is overdue then, the first two are due 2026-10-31
        given(new PartnershipEnded(ID, "Moved in-house"));

        view.asOf(LocalDate.parse("2027-10-01"));
        assertThat(view.endedAt).isEqualTo(T0.plusSeconds(5 * 86_400));
        assertThat(view.actions()).extracting(a -> a.overdue).as("nothing can close them after the end")
                .containsExactly(false, false, false);
        assertThat(view.agreement.status).isEqualTo("ENDED");
        assertThat(view.asOf(LocalDate.parse("2026-07-02")).agreement.status).as("before the end, as it was then")
                .isEqualTo("IN_FORCE");
    }

    @Test
    void anActionOverdueWhenThePartnershipEndedStaysOverdueAndAnExpiredAgreementStaysExpired() {
        given(new PartnershipOpened(ID, "N", "C", null, List.of()),
                new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(ID, "2026-Q2", List.of("CLO"), List.of(), List.of(
                        new ReviewAction("2026-Q2-1", "Measure", Side.CLIENT, "CLO", LocalDate.parse("2026-07-02")))),
                new AgreementSigned(ID, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-07-03"),
                        LocalDate.parse("2026-06-30"), List.of(), null));
        // ends on day 4 (2026-07-05): the action was due two days before, the term ended the day before
        given(new PartnershipEnded(ID, "Moved in-house"));

        view.asOf(LocalDate.parse("2027-01-01"));
        assertThat(view.actions().get(0).overdue).isTrue();
        assertThat(view.agreement.status).isEqualTo("EXPIRED");
    }

    @Test
    void scopeGrowsWithItsHistory() {
        opened();
        given(new ScopeExtended(ID, List.of("LATAM"), List.of(), "Growth", List.of(), null),
                new ScopeExtended(ID, List.of("APAC"), List.of("Negotiation"), "More", List.of(), "2026-Q3"));

        assertThat(view.scope.regions).containsExactly("LATAM", "APAC");
        assertThat(view.scope.programs).containsExactly("Negotiation");
        assertThat(view.scope.history).extracting(ScopeView.Extension::reason).containsExactly("Growth", "More");
    }

    @Test
    void eachBusinessUnitShowsItsBudgetAcceptanceSpendAndVariance() {
        opened();
        CostSharingAgreed split = new CostSharingAgreed(ID, "EUR", new BigDecimal("250000"), List.of(
                new CostShare("Sales", new BigDecimal("60")), new CostShare("L&D", new BigDecimal("40"))), "Split");
        given(split, new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null),
                new SpendRecorded(ID, "s-1", "Sales", "EUR", new BigDecimal("100000"), "2026-Q3", "Days", List.of(),
                        null),
                new SpendRecorded(ID, "s-2", "Sales", "EUR", new BigDecimal("65000.50"), "2026-Q4", "Days",
                        List.of(), null));

        BudgetLine sales = view.budget.get(0);
        assertThat(sales.budgeted).isEqualByComparingTo("150000");
        assertThat(sales.acceptedBy).isEqualTo("Head of Sales");
        assertThat(sales.spent).isEqualByComparingTo("165000.50");
        assertThat(sales.variance).isEqualByComparingTo("15000.50");
        assertThat(sales.variancePercent).isEqualByComparingTo("10.0");
        BudgetLine learning = view.budget.get(1);
        assertThat(learning.acceptedBy).isNull();
        assertThat(learning.variancePercent).isEqualByComparingTo("-100.0");

        given(split);
        assertThat(view.budget.get(0).acceptedBy).as("a new split asks again").isNull();
        assertThat(view.budget.get(0).spent).as("spend stays").isEqualByComparingTo("165000.50");
        assertThat(view.spend).hasSize(2);
    }
}
