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
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.web.ProblemCode;

/** Cost sharing, the transparency log of concerns, ending, and optimistic concurrency. */
class PartnershipLogAndEndTest {

    static final List<CostShare> SPLIT = List.of(new CostShare("Sales", new BigDecimal("60")),
            new CostShare("L&D", new BigDecimal("40")));

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    @Nested
    class CostSharing {
        @Test
        void agreesASplitThatTotals100() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "eur", new BigDecimal("250000"), SPLIT, "Sales pays most", null))
                    .expectEvents(new CostSharingAgreed(ID, "EUR", new BigDecimal("250000"), SPLIT, "Sales pays most"));
        }

        @Test
        void sharesMustTotal100() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "EUR", BigDecimal.TEN,
                            List.of(new CostShare("Sales", new BigDecimal("60")), new CostShare("L&D", new BigDecimal("30"))),
                            "why", null))
                    .expectException(rejected(409, ProblemCode.SHARES_MUST_TOTAL_100))
                    .expectNoEvents();
        }

        @Test
        void aBusinessUnitAppearsOnce() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "EUR", BigDecimal.TEN,
                            List.of(new CostShare("Sales", new BigDecimal("50")), new CostShare("sales", new BigDecimal("50"))),
                            "why", null))
                    .expectException(rejected(409, ProblemCode.DUPLICATE_BUSINESS_UNIT))
                    .expectNoEvents();
        }

        @Test
        void aReSplitNeedsAReason() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "EUR", BigDecimal.TEN, SPLIT, " ", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAKnownCurrency() {
            fixture.given(opened())
                    .when(new AgreeCostSharing(ID, "XYZ1", BigDecimal.TEN, SPLIT, "why", null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Concerns {
        @Test
        void areRaisedOpenly() {
            fixture.given(opened())
                    .when(new RaiseConcern(ID, "k-1", Side.CLIENT, "Late materials", "Module 2 is two weeks late",
                            null, null, null))
                    .expectEvents(new ConcernRaised(ID, "k-1", Side.CLIENT, "Late materials",
                            "Module 2 is two weeks late", null));
        }

        @Test
        void aPartnerRaisesThemOnlyWhereItTakesPart() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new RaiseConcern(ID, "k-1", Side.PARTNER, "s", "d", null, "other-org", null))
                    .expectException(rejected(404, ProblemCode.PARTNERSHIP_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aShortlistedPartnerMayRaiseOne() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new RaiseConcern(ID, "k-1", Side.PARTNER, "Scope creep", "d", null, ACME, null))
                    .expectEvents(new ConcernRaised(ID, "k-1", Side.PARTNER, "Scope creep", "d", ACME));
        }

        @Test
        void areResolved() {
            fixture.given(opened(), new ConcernRaised(ID, "k-1", Side.CLIENT, "s", "d", null))
                    .when(new ResolveConcern(ID, "k-1", "Materials delivered", null))
                    .expectEvents(new ConcernResolved(ID, "k-1", "Materials delivered"));
        }

        @Test
        void anUnknownConcernCannotBeResolved() {
            fixture.given(opened())
                    .when(new ResolveConcern(ID, "k-9", "r", null))
                    .expectException(rejected(404, ProblemCode.CONCERN_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void areResolvedOnce() {
            fixture.given(opened(), new ConcernRaised(ID, "k-1", Side.CLIENT, "s", "d", null),
                            new ConcernResolved(ID, "k-1", "r"))
                    .when(new ResolveConcern(ID, "k-1", "again", null))
                    .expectException(rejected(409, ProblemCode.CONCERN_ALREADY_RESOLVED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ending {
        @Test
        void endsWithAReason() {
            fixture.given(opened())
                    .when(new EndPartnership(ID, "Goals met", null))
                    .expectEvents(new PartnershipEnded(ID, "Goals met"));
        }

        @Test
        void needsAReason() {
            fixture.given(opened())
                    .when(new EndPartnership(ID, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void afterTheEndNothingChanges() {
            fixture.given(opened(), new PartnershipEnded(ID, "Goals met"))
                    .when(new ShortlistCandidate(ID, "c-1", ACME, "Acme", PartnerRole.MOOC, null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Versions {
        @Test
        void aCommandDecidedOnTheCurrentVersionIsAccepted() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new EndPartnership(ID, "Goals met", 1L))
                    .expectEvents(new PartnershipEnded(ID, "Goals met"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aCommandDecidedOnAnOlderVersionIsRefused() {
            fixture.given(opened(), shortlisted("c-1", ACME))
                    .when(new EndPartnership(ID, "Goals met", 0L))
                    .expectException(rejected(412, ProblemCode.VERSION_MISMATCH))
                    .expectNoEvents();
        }
    }
}
