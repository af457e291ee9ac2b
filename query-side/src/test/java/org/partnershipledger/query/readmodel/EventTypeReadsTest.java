package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.partnershipledger.platform.axon.EventTypeReads;
import org.partnershipledger.platform.axon.PositionedEventMessage;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A reader of some event types on the real event store: the history holds only those types, each event with its
 * own position, and from the history's last row on everything is read, so the reader's token keeps no gap for the
 * rows it left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventTypeReadsTest {

    private static final Instant LONG_AGO = Instant.parse("2026-01-05T10:00:00Z");

    @Autowired
    EventTypeReads reads;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionManager transactions;

    @Test
    void theHistoryHoldsOnlyTheTypesAskedForAndRecentEventsAllOfThem() throws Exception {
        for (int i = 0; i < 1_200; i++) {
            String id = "typed-" + i;
            eventStore.publish(event(id, 0, new PartnershipOpened(new PartnershipId(id), "Academy", "Acme", "v",
                    List.of(kpi())), LONG_AGO));
            eventStore.publish(event(id, 1, realigned(id), LONG_AGO));
            eventStore.publish(event(id, 2, realigned(id), LONG_AGO));
        }
        eventStore.publish(event("typed-0", 3, realigned("typed-0"), Instant.now()));
        eventStore.publish(event("typed-new", 0, new PartnershipOpened(new PartnershipId("typed-new"), "Academy",
                "Acme", "v", List.of(kpi())), Instant.now()));

        EmbeddedEventStore store = reads.only(Set.of(PartnershipOpened.class.getName()), null).orElseThrow();
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable(3, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable());
            }
        } finally {
            store.shutDown();
        }

        List<String> olderTypes = read.stream().filter(event -> event.getTimestamp().equals(LONG_AGO))
                .map(event -> event.getPayloadType().getSimpleName()).toList();
        assertThat(olderTypes).hasSize(1_201).startsWith("PartnershipOpened")
                .as("the history's last row, where reading whole begins").endsWith("StrategyRealigned");
        assertThat(olderTypes.subList(0, 1_200)).containsOnly("PartnershipOpened");
        assertThat(read.subList(read.size() - 2, read.size()).stream()
                .map(event -> event.getPayloadType().getSimpleName()))
                .as("recent events are read whatever their type").containsExactly("StrategyRealigned",
                        "PartnershipOpened");
        for (TrackedEventMessage<?> event : List.of(read.get(0), read.get(700), read.get(read.size() - 1))) {
            long stored = jdbc.sql("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = ?")
                    .param(event.getIdentifier()).query(Long.class).single();
            assertThat(PositionedEventMessage.positionOf(event)).hasValue(stored);
        }
        GapAwareTrackingToken last = (GapAwareTrackingToken) read.get(read.size() - 1).trackingToken();
        assertThat(last.getGaps()).as("no gap kept for the rows left out").isEmpty();
    }

    @Test
    void itsReadsWaitForTheTransactionsItIsGiven() throws Exception {
        eventStore.publish(event("bounded-0", 0, new PartnershipOpened(new PartnershipId("bounded-0"), "Academy",
                "Acme", "v", List.of(kpi())), LONG_AGO.minusSeconds(3_600))); // not among the other test's events
        BoundedTransactions bounded = new BoundedTransactions(transactions, 1);
        Transaction held = bounded.startTransaction(); // the one transaction allowed, taken
        EmbeddedEventStore store = reads.only(Set.of(PartnershipOpened.class.getName()), bounded).orElseThrow();
        try {
            CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(() -> {
                try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                    return stream.hasNextAvailable(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, runnable -> new Thread(runnable).start());
            Thread.sleep(500);
            assertThat(read).as("the read waits while the one transaction allowed is taken").isNotDone();
            held.rollback();
            assertThat(read.get(20, TimeUnit.SECONDS)).as("and reads once it ended").isTrue();
        } finally {
            store.shutDown();
        }
    }

    @Test
    void withAxonServerThereIsNoSuchReader() {
        assertThat(new EventTypeReads(null, null, null, null, 0, null).only(Set.of("x"), null)).isEmpty();
    }

    private static GenericDomainEventMessage<?> event(String id, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Partnership", id, sequence, payload,
                MetaData.with("actor", "alice").and("reason", "Because"), UUID.randomUUID().toString(), at);
    }

    private static StrategyRealigned realigned(String id) {
        return new StrategyRealigned(new PartnershipId(id), "Productive in 60 days", List.of(kpi()), "Market moved");
    }

    private static Kpi kpi() {
        return new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"),
                LocalDate.parse("2027-06-30"));
    }
}
