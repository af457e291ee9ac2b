package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;

class PartnershipTest {

    static final PartnershipId ID = new PartnershipId("p-1");
    static final Kpi TIME_TO_QUOTA = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"),
            new BigDecimal("90"), LocalDate.parse("2027-06-30"));

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static OpenPartnership open(String reason, Kpi... kpis) {
        return new OpenPartnership(ID, "Field sales academy", "Acme Retail", "Ramp up reps faster", List.of(kpis),
                reason);
    }

    @Test
    void openingAPartnershipRecordsItsVisionAndKpisAtVersionZero() {
        fixture.givenNoPriorActivity()
                .when(open("Sales onboarding takes too long", TIME_TO_QUOTA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnershipOpened(ID, "Field sales academy", "Acme Retail", "Ramp up reps faster",
                        List.of(TIME_TO_QUOTA)))
                .expectResultMessagePayload(0L);
    }

    @Test
    void cannotOpenAPartnershipWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(open("  "))
                .expectException(LedgerRejection.Invalid.class)
                .expectExceptionMessage("A reason is required for this change")
                .expectNoEvents();
    }

    @Test
    void cannotOpenAPartnershipWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new OpenPartnership(ID, "", "Acme Retail", null, List.of(), "why"))
                .expectException(LedgerRejection.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void cannotOpenAPartnershipListingTheSameKpiTwice() {
        fixture.givenNoPriorActivity()
                .when(open("why", TIME_TO_QUOTA, TIME_TO_QUOTA))
                .expectException(LedgerRejection.Invalid.class)
                .expectExceptionMessage("KPI ttq is listed twice")
                .expectNoEvents();
    }
}
