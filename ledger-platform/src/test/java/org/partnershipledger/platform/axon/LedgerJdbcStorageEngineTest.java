package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The ledger's storage engine reads what Axon's own reads from the same rows: the same events with the same
 * timestamps, and after each the same tracking token, old events and recent ones, with positions missing among them.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "ledger.schema=platform_test")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class LedgerJdbcStorageEngineTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventSchema schema;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    EventStoreProperties properties;

    @Test
    void eventsTimestampsAndTokensAreAxonsOwn() {
        Instant longAgo = Instant.parse("2026-01-05T10:00:00.120Z");
        for (int i = 0; i < 30; i++) {
            eventStore.publish(event("old-" + i, i, longAgo.plusSeconds(i)));
        }
        for (int i = 0; i < 30; i++) {
            eventStore.publish(event("new-" + i, i, Instant.now()));
        }
        // positions that will never be seen: among the old events and among the recent ones
        jdbc.sql("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier IN ('old-5', 'old-6', 'new-3')")
                .update();
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer).snapshotSerializer(serializer).connectionProvider(connections)
                .transactionManager(transactions).schema(schema).batchSize(properties.batchSize())
                .gapTimeout((int) properties.gapTimeout().toMillis()).maxGapOffset(properties.maxGapOffset())
                .lowestGlobalSequence(1).build();

        assertThat(engine).isInstanceOf(LedgerJdbcStorageEngine.class);
        List<String> all = read(engine, null);
        assertThat(all).hasSizeGreaterThanOrEqualTo(57).isEqualTo(read(axons, null));
        assertThat(all).filteredOn(event -> event.contains("GapAwareTrackingToken{index=")).hasSameSizeAs(all);
        TrackingToken midway = engine.readEvents(null, false).skip(40).findFirst().orElseThrow().trackingToken();
        assertThat(read(engine, midway)).hasSize(all.size() - 41).isEqualTo(read(axons, midway));
        assertThat(engine.readEvents("new-7").asStream().map(e -> e.getTimestamp()).toList())
                .isEqualTo(axons.readEvents("new-7").asStream().map(e -> e.getTimestamp()).toList());
    }

    @Test
    void storedTimestampsAreReadAsAxonReadsThem() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of("2026-12-05T09:15:24Z", "1970-01-01T00:00:00.000Z",
                "2024-02-29T23:59:59.999999999Z", "2026-12-05T09:15:24.5Z", "2026-12-05T10:15:24+01:00",
                "2026-12-05T09:15:24.123456Z"));
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            texts.add(DateTimeUtils.formatInstant(at));
            texts.add(at.toString());
        }

        for (String text : texts) {
            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    /** What a reader sees from {@code token}: each event with the token after it. */
    private static List<String> read(EventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            return events.map(event -> event.getIdentifier() + " " + event.getTimestamp() + " "
                    + event.trackingToken()).toList();
        }
    }

    private static GenericDomainEventMessage<String> event(String aggregate, int index, Instant at) {
        return new GenericDomainEventMessage<>("Thing", aggregate, 0, "payload " + index,
                MetaData.with("actor", "alice"), UUID.randomUUID().toString(), at);
    }
}
