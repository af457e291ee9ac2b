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

/** The agreement: signed with a term and a renewal date, then renewed or not renewed; and growth in scope. */
class AgreementTest {

    static final LocalDate START = LocalDate.parse("2026-01-01");
    static final LocalDate END = LocalDate.parse("2027-12-31");
    static final LocalDate RENEWAL = LocalDate.parse("2027-09-30");
    static final Evidence CONTRACT = new Evidence(EvidenceType.DOCUMENT, "https://docs.example.com/msa.pdf",
            "Master services agreement");

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static AgreementSigned signed() {
        return new AgreementSigned(ID, START, END, RENEWAL, List.of(CONTRACT), null);
    }

    @Nested
    class Signing {
        @Test
        void signsATermWithItsRenewalDate() {
            fixture.given(opened())
                    .when(new SignAgreement(ID, START, END, RENEWAL, List.of(CONTRACT), null, null, null))
                    .expectEvents(signed());
        }

        @Test
        void aRenewalDateMayBeTheLastDay() {
            fixture.given(opened())
                    .when(new SignAgreement(ID, START, END, END, null, null, null, null))
                    .expectEvents(new AgreementSigned(ID, START, END, END, List.of(), null));
        }

        @Test
        void isSignedOnce() {
            fixture.given(opened(), signed())
                    .when(new SignAgreement(ID, START, END, RENEWAL, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_ALREADY_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void aTermEndsAfterItStarts() {
            fixture.given(opened())
                    .when(new SignAgreement(ID, END, START, START, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void renewalIsDecidedNoLaterThanTheEnd() {
            fixture.given(opened())
                    .when(new SignAgreement(ID, START, END, END.plusDays(1), null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void needsItsDates() {
            fixture.given(opened())
                    .when(new SignAgreement(ID, START, null, RENEWAL, null, null, null, null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renewing {
        static final LocalDate NEW_END = LocalDate.parse("2029-12-31");
        static final LocalDate NEW_RENEWAL = LocalDate.parse("2029-09-30");

        @Test
        void renewsToALaterEnd() {
            fixture.given(opened(), signed())
                    .when(new RenewAgreement(ID, NEW_END, NEW_RENEWAL, null, null, "L3 results hold", null))
                    .expectEvents(new AgreementRenewed(ID, NEW_END, NEW_RENEWAL, "L3 results hold", List.of(), null));
        }

        @Test
        void needsAnAgreement() {
            fixture.given(opened())
                    .when(new RenewAgreement(ID, NEW_END, NEW_RENEWAL, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.NO_AGREEMENT))
                    .expectNoEvents();
        }

        @Test
        void movesBothDatesLater() {
            fixture.given(opened(), signed())
                    .when(new RenewAgreement(ID, NEW_END, RENEWAL, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void renewsNoLaterThanTheNewEnd() {
            fixture.given(opened(), signed())
                    .when(new RenewAgreement(ID, NEW_END, NEW_END.plusDays(1), null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void isRefusedOnceNotRenewed() {
            fixture.given(opened(), signed(), new AgreementNotRenewed(ID, "Moving in-house", List.of(), null))
                    .when(new RenewAgreement(ID, NEW_END, NEW_RENEWAL, null, null, null, null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_NOT_RENEWED))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeldHere() {
            fixture.given(opened(), signed())
                    .when(new RenewAgreement(ID, NEW_END, NEW_RENEWAL, null, "2027-Q3", null, null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }
    }

    @Nested
    class NotRenewing {
        @Test
        void recordsWhy() {
            fixture.given(opened(), signed())
                    .when(new DoNotRenewAgreement(ID, null, null, "Moving in-house", null))
                    .expectEvents(new AgreementNotRenewed(ID, "Moving in-house", List.of(), null));
        }

        @Test
        void needsAReason() {
            fixture.given(opened(), signed())
                    .when(new DoNotRenewAgreement(ID, null, null, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void needsAnAgreement() {
            fixture.given(opened())
                    .when(new DoNotRenewAgreement(ID, null, null, "Moving in-house", null))
                    .expectException(rejected(409, ProblemCode.NO_AGREEMENT))
                    .expectNoEvents();
        }

        @Test
        void isDecidedOnce() {
            fixture.given(opened(), signed(), new AgreementNotRenewed(ID, "Moving in-house", List.of(), null))
                    .when(new DoNotRenewAgreement(ID, null, null, "Again", null))
                    .expectException(rejected(409, ProblemCode.AGREEMENT_NOT_RENEWED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ExtendingScope {
        @Test
        void addsRegionsAndProgramsWithItsReason() {
            fixture.given(opened())
                    .when(new ExtendScope(ID, List.of("LATAM", " APAC "), List.of("Negotiation"), null, null,
                            "Sales expands", null))
                    .expectEvents(new ScopeExtended(ID, List.of("LATAM", "APAC"), List.of("Negotiation"),
                            "Sales expands", List.of(), null));
        }

        @Test
        void recordsOnlyWhatIsNew() {
            fixture.given(opened(), new ScopeExtended(ID, List.of("LATAM"), List.of(), "Growth", List.of(), null))
                    .when(new ExtendScope(ID, List.of("latam", "APAC"), List.of(), null, null, "More", null))
                    .expectEvents(new ScopeExtended(ID, List.of("APAC"), List.of(), "More", List.of(), null));
        }

        @Test
        void needsAReason() {
            fixture.given(opened())
                    .when(new ExtendScope(ID, List.of("LATAM"), List.of(), null, null, "", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void namesARegionOrAProgram() {
            fixture.given(opened())
                    .when(new ExtendScope(ID, null, null, null, null, "Growth", null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void isRefusedWhenEverythingIsInScopeAlready() {
            fixture.given(opened(), new ScopeExtended(ID, List.of("LATAM"), List.of(), "Growth", List.of(), null))
                    .when(new ExtendScope(ID, List.of("LATAM"), List.of(), null, null, "Again", null))
                    .expectException(rejected(409, ProblemCode.SCOPE_UNCHANGED))
                    .expectNoEvents();
        }
    }
}
