package org.partnershipledger.query.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipledger.query.StoredEventFixtures.at;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.history.LoggedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Each handler of the decisions-by-review read model, redelivery included, and the board's questions of it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class ReviewDecisionProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");
    static final String Q3 = "2026-Q3";
    static final Instant HELD = Instant.parse("2026-10-02T09:00:00Z");
    static final List<Evidence> MINUTES = List.of(
            new Evidence(EvidenceType.DOCUMENT, "https://wiki.example.com/steering/2026-q3.pdf", "Q3 minutes"));
    static final List<CostShare> EVEN = List.of(new CostShare("Sales", new BigDecimal("50")),
            new CostShare("L&D", new BigDecimal("50")));

    @Autowired
    ReviewDecisionProjection projection;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void empty() {
        // the service's own processor stays out of the way of the events these tests hand to the projection
        processing.eventProcessor(ReviewDecisionProjection.NAME).ifPresent(EventProcessor::shutDown);
        projection.reset();
    }

    @Test
    void aReviewIsRecordedWithWhenWhoAttendedAndItsDecisionsAndRedeliveryChangesNothing() {
        heldQ3();
        heldQ3();

        assertThat(reviews.reviews(P.value(), null)).singleElement().satisfies(review -> {
            assertThat(review.period()).isEqualTo(Q3);
            assertThat(review.heldAt()).isEqualTo(HELD);
            assertThat(review.recordedBy()).isEqualTo("manager");
            assertThat(review.attendees()).containsExactly("CLO", "Head of Sales");
            assertThat(review.decisions()).containsExactly("Split the cost evenly");
            assertThat(review.ledgerDecisions()).isZero();
        });
    }

    @Test
    void aPartnershipDecisionNamingTheReviewIsListedWithItsReasonEvidenceAndSentenceOnce() {
        heldQ3();
        var resplit = message("Partnership", P.value(), 7, new CostSharingAgreed(P, "EUR",
                new BigDecimal("250000"), EVEN, "Both units benefit", MINUTES, Q3), "Both units benefit", 60);
        projection.on(at(resplit, 21));
        projection.on(at(resplit, 21));

        List<LoggedEvent> decisions = reviews.decisions(P.value(), Q3, null);
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.type()).isEqualTo("CostSharingAgreed");
            assertThat(decision.aggregateType()).isEqualTo("Partnership");
            assertThat(decision.actor()).isEqualTo("manager");
            assertThat(decision.reason()).isEqualTo("Both units benefit");
            assertThat(decision.decisionRef()).isEqualTo(Q3);
            assertThat(decision.evidence()).isEqualTo(MINUTES);
            assertThat(decision.summary()).contains("Sales 50%").contains("Both units benefit");
        });
        assertThat(reviews.reviews(P.value(), null).get(0).ledgerDecisions()).isEqualTo(1);
    }

    @Test
    void aProgramDecisionFindsItsPartnershipsReview() {
        heldQ3();
        var proposed = message("Program", G.value(), 0, new ProgramProposed(G, P, "Consultative selling",
                List.of(), "New reps", List.of("ttq"), List.of(), 1), "First cohort", 10);
        projection.on((ProgramProposed) proposed.getPayload());
        CurriculumModule ai = new CurriculumModule(new ModuleId("m-9"), "Selling with AI");
        var pivot = message("Program", G.value(), 3, new CurriculumPivoted(G, 1, 2, "Stalled", PivotTrigger.KPI_GAP,
                List.of(ai), List.of(), "Head of Sales", LocalDate.parse("2026-11-01"), List.of(ai), MINUTES, Q3),
                "Stalled", 120);
        projection.on(at(pivot, 30));

        assertThat(reviews.decisions(P.value(), Q3, null)).singleElement()
                .satisfies(decision -> {
                    assertThat(decision.aggregateId()).isEqualTo(G.value());
                    assertThat(decision.summary()).contains("Curriculum pivoted v1→v2");
                });
    }

    @Test
    void inAProcessorsBatchTheDecisionsAreWrittenAsOneByOneAProgramsFindingItsProposalInTheBatch() {
        CurriculumModule ai = new CurriculumModule(new ModuleId("m-9"), "Selling with AI");
        ProgramId orphan = new ProgramId("prog-never-proposed");
        List<DomainEventMessage<?>> events = List.of(
                // a partnership's decision first, so that the decisions' batch is written before the proposals'
                message("Partnership", P.value(), 7, new PartnerSelected(P, "c-1", "acme-learning", "Best fit",
                        MINUTES, Q3), "Best fit", 20),
                message("Program", G.value(), 0, new ProgramProposed(G, P, "Consultative selling", List.of(),
                        "New reps", List.of("ttq"), List.of(), 1), "First cohort", 10),
                message("Program", G.value(), 3, new CurriculumPivoted(G, 1, 2, "Stalled", PivotTrigger.KPI_GAP,
                        List.of(ai), List.of(), "Head of Sales", LocalDate.parse("2026-11-01"), List.of(ai), MINUTES,
                        Q3), "Stalled", 30),
                message("Program", orphan.value(), 1, new CurriculumPivoted(orphan, 1, 2, "Stalled",
                        PivotTrigger.KPI_GAP, List.of(ai), List.of(), "Head of Sales", LocalDate.parse("2026-11-01"),
                        List.of(ai), MINUTES, Q3), "Stalled", 40));
        List<DomainEventMessage<?>> positioned = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            positioned.add(at(events.get(i), 40 + i));
        }
        positioned.add(positioned.get(2)); // redelivered in the same batch

        positioned.forEach(this::handle);
        List<String> oneByOne = storedDecisions();
        projection.reset();
        var unitOfWork = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(positioned);
        unitOfWork.executeWithResult(() -> {
            handle((DomainEventMessage<?>) unitOfWork.getMessage());
            return null;
        }, org.axonframework.messaging.unitofwork.RollbackConfigurationType.ANY_THROWABLE);

        assertThat(oneByOne).hasSize(2).allSatisfy(row -> assertThat(row).contains(P.value()));
        assertThat(storedDecisions()).isEqualTo(oneByOne);
    }

    @Test
    void anEventNamingNoReviewIsNotADecisionOfOne() {
        heldQ3();
        var selected = message("Partnership", P.value(), 5, new PartnerSelected(P, "c-1", "acme-learning",
                "Best fit"), "Best fit", 30);
        projection.on(at(selected, 15));
        var other = message("Partnership", P.value(), 6, "not an event of the ledger", null, 31);
        projection.on(at(other, 16));

        assertThat(jdbc.sql("SELECT count(*) FROM query_side.review_decision").query(Long.class).single()).isZero();
    }

    @Test
    void asOfAnInstantOnlyWhatWasRecordedByThen() {
        heldQ3();
        var selected = message("Partnership", P.value(), 7, new PartnerSelected(P, "c-1", "acme-learning",
                "Best fit", MINUTES, Q3), "Best fit", 3600);
        projection.on(at(selected, 21));

        assertThat(reviews.reviews(P.value(), HELD.minusSeconds(1))).isEmpty();
        assertThat(reviews.review(P.value(), Q3, HELD.plusSeconds(60))).get()
                .extracting(ReviewDecisions.BusinessReview::ledgerDecisions).isEqualTo(0L);
        assertThat(reviews.decisions(P.value(), Q3, HELD.plusSeconds(60))).isEmpty();
        assertThat(reviews.decisions(P.value(), Q3, HELD.plusSeconds(3600))).hasSize(1);
    }

    @Test
    void aResetEmptiesTheReadModel() {
        heldQ3();
        projection.reset();

        assertThat(reviews.reviews(P.value(), null)).isEmpty();
    }

    /** As the processor hands an event to the projection's handler for it. */
    private void handle(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof ProgramProposed proposed) {
            projection.on(proposed);
        } else {
            projection.on(event);
        }
    }

    private List<String> storedDecisions() {
        return jdbc.sql("""
                SELECT position || ' ' || event_id || ' ' || partnership_id || ' ' || decision_ref || ' ' || aggregate_id
                    || ' ' || type || ' ' || occurred_at || ' ' || actor || ' ' || reason || ' ' || payload::text
                FROM query_side.review_decision ORDER BY position""").query(String.class).list();
    }

    private void heldQ3() {
        var held = message("Partnership", P.value(), 4, new BusinessReviewHeld(P, Q3, List.of("CLO", "Head of Sales"),
                List.of("Split the cost evenly"), List.of()), null, 0);
        projection.on((BusinessReviewHeld) held.getPayload(), at(held, 12));
    }

    /** An event as the command side stores it, recorded {@code secondsAfterTheReview} after the review. */
    private static DomainEventMessage<Object> message(String type, String aggregateId, long sequence, Object payload,
                                                      String reason, long secondsAfterTheReview) {
        MetaData metadata = MetaData.with("actor", "manager").and("correlationId", "req-" + sequence);
        if (reason != null) {
            metadata = metadata.and("reason", reason);
        }
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metadata,
                UUID.randomUUID().toString(), HELD.plusSeconds(secondsAfterTheReview));
    }
}
