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

/** Each business unit accepts its share of the current split; actual spend is recorded against it. */
class CostSharingInPracticeTest {

    static final Evidence INVOICE = new Evidence(EvidenceType.DOCUMENT, "https://erp.example.com/invoices/4711",
            "Invoice 4711");

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static CostSharingAgreed split() {
        return new CostSharingAgreed(ID, "EUR", new BigDecimal("250000"), List.of(
                new CostShare("Sales", new BigDecimal("60")), new CostShare("L&D", new BigDecimal("40"))),
                "Sales benefits most");
    }

    @Nested
    class Accepting {
        @Test
        void aBusinessUnitAcceptsItsShareAsTheSplitNamesIt() {
            fixture.given(opened(), split())
                    .when(new AcceptCostShare(ID, " sales ", "Head of Sales", null, null, null, null))
                    .expectEvents(new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null));
        }

        @Test
        void needsASplit() {
            fixture.given(opened())
                    .when(new AcceptCostShare(ID, "Sales", "Head of Sales", null, null, null, null))
                    .expectException(rejected(409, ProblemCode.NO_COST_SHARING))
                    .expectNoEvents();
        }

        @Test
        void needsAUnitOfTheSplit() {
            fixture.given(opened(), split())
                    .when(new AcceptCostShare(ID, "Finance", "CFO", null, null, null, null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_BUSINESS_UNIT))
                    .expectNoEvents();
        }

        @Test
        void namesWhoAccepted() {
            fixture.given(opened(), split())
                    .when(new AcceptCostShare(ID, "Sales", " ", null, null, null, null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void isAcceptedOncePerSplit() {
            fixture.given(opened(), split(), new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null))
                    .when(new AcceptCostShare(ID, "Sales", "Head of Sales", null, null, null, null))
                    .expectException(rejected(409, ProblemCode.COST_SHARE_ALREADY_ACCEPTED))
                    .expectNoEvents();
        }

        @Test
        void aNewSplitAsksEveryUnitAgain() {
            fixture.given(opened(), split(), new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null),
                            split())
                    .when(new AcceptCostShare(ID, "Sales", "Head of Sales", null, null, null, null))
                    .expectEvents(new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null));
        }
    }

    @Nested
    class Spending {
        RecordSpend spend(String unit, String amount, String currency) {
            return new RecordSpend(ID, "s-1", unit, amount == null ? null : new BigDecimal(amount), currency,
                    "2026-Q3", " Facilitation days ", List.of(INVOICE), null, null, null);
        }

        @Test
        void recordsSpendInTheSplitsCurrency() {
            fixture.given(opened(), split())
                    .when(spend("L&D", "12500.50", null))
                    .expectEvents(new SpendRecorded(ID, "s-1", "L&D", "EUR", new BigDecimal("12500.50"), "2026-Q3",
                            "Facilitation days", List.of(INVOICE), null));
        }

        @Test
        void aNamedCurrencyMustBeTheSplits() {
            fixture.given(opened(), split())
                    .when(spend("Sales", "100", "USD"))
                    .expectException(rejected(409, ProblemCode.SPEND_CURRENCY_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void needsASplit() {
            fixture.given(opened())
                    .when(spend("Sales", "100", null))
                    .expectException(rejected(409, ProblemCode.NO_COST_SHARING))
                    .expectNoEvents();
        }

        @Test
        void needsAUnitOfTheSplit() {
            fixture.given(opened(), split())
                    .when(spend("Finance", "100", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_BUSINESS_UNIT))
                    .expectNoEvents();
        }

        @Test
        void anAmountIsPositive() {
            fixture.given(opened(), split())
                    .when(spend("Sales", "0", null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void isForAQuarterOrAMonth() {
            fixture.given(opened(), split())
                    .when(new RecordSpend(ID, "s-1", "Sales", BigDecimal.TEN, null, "Q3", "d", null, null, null, null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void saysWhatWasPaidFor() {
            fixture.given(opened(), split())
                    .when(new RecordSpend(ID, "s-1", "Sales", BigDecimal.TEN, null, "2026-Q3", " ", null, null, null,
                            null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipRecordsNoSpend() {
            fixture.given(opened(), split(), new PartnershipEnded(ID, "Done"))
                    .when(spend("Sales", "100", null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeldHere() {
            fixture.given(opened(), split())
                    .when(new RecordSpend(ID, "s-1", "Sales", BigDecimal.TEN, null, "2026-Q3", "d", null, "2026-Q3",
                            null, null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }
    }
}
