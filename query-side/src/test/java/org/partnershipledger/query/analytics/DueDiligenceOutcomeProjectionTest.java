package org.partnershipledger.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.DueDiligenceAssessed;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class DueDiligenceOutcomeProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    DueDiligenceOutcomeProjection projection;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aShortlistedTrainingProvider() {
        projection.reset();
        CandidateShortlisted shortlisted = new CandidateShortlisted(P, "c-1", "acme-learning", "Acme Learning",
                PartnerRole.TRAINING_PROVIDER);
        projection.on(shortlisted, message(shortlisted, T));
    }

    @Test
    void pendingUntilTheRequiredCriteriaAreAssessedThenFailedBelowThePassingScore() {
        assess(DueDiligenceCriterion.EXPERTISE, 4);
        assess(DueDiligenceCriterion.CULTURAL_FIT, 1); // not required
        assess(DueDiligenceCriterion.ON_TIME_DELIVERY, 3);
        assertThat(row()).containsEntry("outcome", "PENDING").containsEntry("decided_at", null);

        assess(DueDiligenceCriterion.WITHIN_BUDGET, 2);
        assertThat(row()).containsEntry("outcome", "FAILED").containsEntry("role", "TRAINING_PROVIDER");
    }

    @Test
    void aLaterAssessmentSupersedesAndSelectionIsRecorded() {
        assess(DueDiligenceCriterion.EXPERTISE, 4);
        assess(DueDiligenceCriterion.ON_TIME_DELIVERY, 3);
        assess(DueDiligenceCriterion.WITHIN_BUDGET, 2);
        assess(DueDiligenceCriterion.WITHIN_BUDGET, 4);
        projection.on(new PartnerSelected(P, "c-1", "acme-learning", "Best fit"));

        assertThat(row()).containsEntry("outcome", "PASSED").containsEntry("selected", true)
                .containsEntry("within_budget", 4);
        assertThat(row().get("decided_at")).isNotNull();
    }

    @Test
    void aRedeliveredShortlistingChangesNothingAndAResetEmptiesTheMetric() {
        assess(DueDiligenceCriterion.EXPERTISE, 5);
        CandidateShortlisted again = new CandidateShortlisted(P, "c-1", "acme-learning", "Acme Learning",
                PartnerRole.TRAINING_PROVIDER);
        projection.on(again, message(again, T));

        assertThat(row()).containsEntry("expertise", 5);
        projection.reset();
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.due_diligence_outcome").query(Long.class).single())
                .isZero();
    }

    private void assess(DueDiligenceCriterion criterion, int score) {
        DueDiligenceAssessed assessed = new DueDiligenceAssessed(P, "c-1", criterion, score,
                List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.example/dd/reference-calls.pdf", null)), null);
        projection.on(assessed, message(assessed, T.plusSeconds(score)));
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM analytics.due_diligence_outcome").query().singleRow();
    }

    private static EventMessage<?> message(Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Partnership", P.value(), 0, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
