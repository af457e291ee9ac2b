package org.partnershipledger.query.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.readmodel.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The lifecycle events on the stored partnership view: each is applied once however often it is delivered, and a
 * replay from the first event stores exactly the same document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class LifecycleProjectionTest {

    static final PartnershipId P = new PartnershipId("p-lifecycle");
    static final LocalDate DUE = LocalDate.parse("2026-10-31");

    @Autowired
    PartnershipViewProjection projection;
    @Autowired
    PartnershipViews partnerships;
    @Autowired
    Json json;

    final List<PartnershipEvent> life = new ArrayList<>(List.of(
            new PartnershipOpened(P, "Academy", "Acme", "v", List.of()),
            new CandidateShortlisted(P, "c-1", "acme-learning", "Acme Learning", PartnerRole.MOOC),
            new GovernanceCharterSet(P, GovernanceCadence.QUARTERLY, List.of("CLO")),
            new BusinessReviewHeld(P, "2026-Q3", List.of("CLO"), List.of(), List.of(
                    new ReviewAction("2026-Q3-1", "Measure", Side.CLIENT, "CLO", DUE),
                    new ReviewAction("2026-Q3-2", "Draft", Side.PARTNER, "Ana", DUE))),
            new ReviewActionCompleted(P, "2026-Q3-1", "Shared", List.of(), null),
            new ReviewActionDropped(P, "2026-Q3-2", "Cut", List.of(), "2026-Q3"),
            new PartnerReviewRecorded(P, "c-1", "acme-learning", "2026-Q3", 3, 4, 4, 5, null, List.of(), null),
            new AgreementSigned(P, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                    LocalDate.parse("2027-09-30"), List.of(), null),
            new AgreementRenewed(P, LocalDate.parse("2029-12-31"), LocalDate.parse("2029-09-30"), null, List.of(),
                    null),
            new AgreementNotRenewed(P, "In-house", List.of(), null),
            new ScopeExtended(P, List.of("LATAM"), List.of("Negotiation"), "Growth", List.of(), null),
            new CostSharingAgreed(P, "EUR", new BigDecimal("1000"), List.of(
                    new CostShare("Sales", new BigDecimal("100"))), "Split"),
            new CostShareAccepted(P, "Sales", "Head of Sales", List.of(), null),
            new SpendRecorded(P, "s-1", "Sales", "EUR", new BigDecimal("250.50"), "2026-Q3", "Days", List.of(),
                    null)));

    @BeforeEach
    void empty() {
        projection.reset();
    }

    void handle(long sequence) {
        PartnershipEvent payload = life.get((int) sequence);
        // as the event store delivers it: the same id and time every time
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(PartnershipEvent.AGGREGATE, P.value(),
                sequence, payload, MetaData.with("actor", "m"), "event-" + sequence,
                Instant.parse("2026-07-01T09:00:00Z").plusSeconds(sequence * 3600));
        projection.on(payload, message);
    }

    String stored() {
        return json.write(partnerships.find(P.value()).orElseThrow());
    }

    @Test
    void everyLifecycleEventIsAppliedOnceWhenDeliveredAgain() {
        for (long sequence = 0; sequence < life.size(); sequence++) {
            handle(sequence);
            String once = stored();
            handle(sequence);
            assertThat(stored()).as("%s delivered again", life.get((int) sequence).getClass().getSimpleName())
                    .isEqualTo(once);
        }
        PartnershipView view = partnerships.find(P.value()).orElseThrow();
        assertThat(view.businessReviews.get(0).actions()).extracting(a -> a.status).containsExactly("DONE", "DROPPED");
        assertThat(view.partnerReviews.get(0).reviews).hasSize(1);
        assertThat(view.agreement.renewals).hasSize(1);
        assertThat(view.agreement.notRenewedReason).isEqualTo("In-house");
        assertThat(view.scope.regions).containsExactly("LATAM");
        assertThat(view.budget.get(0).acceptedBy).isEqualTo("Head of Sales");
        assertThat(view.budget.get(0).spent).isEqualByComparingTo("250.50");
        assertThat(view.spend).hasSize(1);
        assertThat(view.agreement.status).as("never stored").isNull();
    }

    @Test
    void aReplayStoresTheSameDocument() {
        for (long sequence = 0; sequence < life.size(); sequence++) {
            handle(sequence);
        }
        String before = stored();

        projection.reset();
        for (long sequence = 0; sequence < life.size(); sequence++) {
            handle(sequence);
        }

        assertThat(stored()).isEqualTo(before);
    }
}
