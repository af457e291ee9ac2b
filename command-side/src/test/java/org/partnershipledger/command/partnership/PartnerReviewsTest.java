package org.partnershipledger.command.partnership;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.partnership.PartnershipEvents.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.web.ProblemCode;

/** Partner performance: a selected partner still in the coalition is scored once per period, 1 to 5 each. */
class PartnerReviewsTest {

    static final Evidence DASHBOARD = new Evidence(EvidenceType.BI_REPORT, "bi://delivery/acme-q3", "Delivery KPIs");

    FixtureConfiguration<Partnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
    }

    static RecordPartnerReview review(String partnerId, String period, int quality) {
        return new RecordPartnerReview(ID, partnerId, period, quality, 4, 3, 5, " Strong facilitators ",
                List.of(DASHBOARD), null, null, null);
    }

    static PartnerReviewRecorded recorded(String period, int quality) {
        return new PartnerReviewRecorded(ID, "c-1", ACME, period, quality, 4, 3, 5, "Strong facilitators",
                List.of(DASHBOARD), null);
    }

    @Test
    void scoresASelectedPartnerForAPeriod() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(review("c-1", "2026-Q3", 4))
                .expectEvents(recorded("2026-Q3", 4));
    }

    @Test
    void aNextPeriodGetsItsOwnReview() {
        fixture.given(PartnershipTest.withSelectedPartner()).andGiven(recorded("2026-Q3", 4))
                .when(review("c-1", "2026-Q4", 5))
                .expectEvents(recorded("2026-Q4", 5));
    }

    @Test
    void onePerPartnerAndPeriod() {
        fixture.given(PartnershipTest.withSelectedPartner()).andGiven(recorded("2026-Q3", 4))
                .when(review("c-1", "2026-Q3", 2))
                .expectException(rejected(409, ProblemCode.PARTNER_REVIEW_ALREADY_RECORDED))
                .expectNoEvents();
    }

    @Test
    void aScoreIsAtMostFive() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(review("c-1", "2026-Q3", 6))
                .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aScoreIsAtLeastOne() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(review("c-1", "2026-Q3", 0))
                .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aPeriodIsAQuarterOrAMonth() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(review("c-1", "autumn", 4))
                .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void needsAKnownCandidate() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(review("nope", "2026-Q3", 4))
                .expectException(rejected(404, ProblemCode.CANDIDATE_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aCandidateNotSelectedIsNotReviewed() {
        fixture.given(opened(), shortlisted("c-1", ACME))
                .when(review("c-1", "2026-Q3", 4))
                .expectException(rejected(409, ProblemCode.PARTNER_NOT_SELECTED))
                .expectNoEvents();
    }

    @Test
    void anOffboardedPartnerIsNotReviewed() {
        List<Object> given = new ArrayList<>(PartnershipTest.withSelectedPartner());
        given.add(offboarded("c-1"));
        fixture.given(given)
                .when(review("c-1", "2026-Q3", 4))
                .expectException(rejected(409, ProblemCode.PARTNER_OFFBOARDED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedCandidateIsNotReviewed() {
        fixture.given(opened(), shortlisted("c-2", RIVAL), declined("c-2", RIVAL))
                .when(review("c-2", "2026-Q3", 4))
                .expectException(rejected(409, ProblemCode.CANDIDATE_DECLINED))
                .expectNoEvents();
    }

    @Test
    void citesOnlyAReviewHeldHere() {
        fixture.given(PartnershipTest.withSelectedPartner())
                .when(new RecordPartnerReview(ID, "c-1", "2026-Q3", 4, 4, 4, 4, null, null, "2026-Q3", null, null))
                .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                .expectNoEvents();
    }
}
