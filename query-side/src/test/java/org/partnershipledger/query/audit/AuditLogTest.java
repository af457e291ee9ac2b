package org.partnershipledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnershipledger.query.StoredEventFixtures.at;
import static org.partnershipledger.query.StoredEventFixtures.tracked;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.audit.merkle.MerkleHashes;
import org.partnershipledger.audit.merkle.MerkleLog;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.StoredEventFixtures;
import org.partnershipledger.query.cluster.Lease;
import org.partnershipledger.query.readmodel.EventPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log's appender, checkpoints and store verifier, on the real tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class AuditLogTest {

    @Autowired
    CheckpointSchedule schedule;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batch;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    AuditProperties properties;
    @Autowired
    LedgerDatabaseProperties database;
    @Autowired
    AuditLeaves leaves;
    @Autowired
    EventPositions positions;
    @Autowired
    StoredEvents store;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @BeforeEach
    void empty() {
        // the service's own processor and schedule stay out of the way of the events these tests hand in
        processing.eventProcessor(AuditLog.PROCESSOR).ifPresent(EventProcessor::shutDown);
        schedule.stop();
        jdbc.sql("DELETE FROM query_side.node_lease WHERE name = 'signing-under-test'").update();
        jdbc.sql("TRUNCATE event_store.domain_event_entry, query_side.audit_leaf, query_side.audit_checkpoint")
                .update();
        // a log of its own per test: the tree in memory follows the table, which each test empties
        log = new AuditLog(jdbc, batch, transaction, publisher, Clock.systemUTC(), properties, database, store,
                leaves);
        appender = new AuditLogAppender(log, positions);
        verifier = new StoreVerifier(jdbc, log, store);
    }

    AuditLog log;
    AuditLogAppender appender;
    StoreVerifier verifier;

    @Test
    void eachEventBecomesOneLeafInTheOrderReceivedAndARedeliveryChangesNothing() {
        DomainEventMessage<?> first = opened("p-1", "alice", "why");
        DomainEventMessage<?> second = opened("p-2", "bob", "because");
        appender.on(at(first, 7));
        appender.on(at(second, 8));
        appender.on(at(first, 7));

        assertThat(jdbc.sql("SELECT log_index, event_id, global_index FROM query_side.audit_leaf ORDER BY log_index")
                .query().listOfRows()).containsExactly(
                Map.of("log_index", 0L, "event_id", first.getIdentifier(), "global_index", 7L),
                Map.of("log_index", 1L, "event_id", second.getIdentifier(), "global_index", 8L));
        assertThat(log.sync()).isEqualTo(2);
    }

    @Test
    void anEventThatFillsAGapIsLoggedAfterLaterOnesWithItsOwnPosition() {
        DomainEventMessage<?> late = opened("p-1", "alice", "first");
        DomainEventMessage<?> later = opened("p-2", "bob", "second");
        storedAt(11, late);
        storedAt(12, later);
        appender.on(tracked(later, GapAwareTrackingToken.newInstance(12, Set.of(11L))));
        appender.on(tracked(late, GapAwareTrackingToken.newInstance(12, Set.of())));

        assertThat(jdbc.sql("SELECT log_index, global_index FROM query_side.audit_leaf ORDER BY log_index").query()
                .listOfRows()).containsExactly(Map.of("log_index", 0L, "global_index", 12L),
                Map.of("log_index", 1L, "global_index", 11L));
    }

    @Test
    void aCheckpointSignsTheTreeOfTheLoggedLeavesAndIsSignedOnlyOncePerSize() {
        appender.on(at(opened("p-1", "alice", "why"), 1));
        appender.on(at(opened("p-2", "bob", "because"), 2));

        AuditLog.SignedCheckpoint signed = log.checkpointNow().orElseThrow();
        Checkpoint checkpoint = Checkpoint.open(signed.note(), log.publicKey());
        MerkleLog expected = new MerkleLog();
        jdbc.sql("SELECT leaf_hash FROM query_side.audit_leaf ORDER BY log_index").query(byte[].class).list()
                .forEach(expected::append);
        assertThat(checkpoint.size()).isEqualTo(2);
        assertThat(checkpoint.rootHash()).isEqualTo(expected.root());
        assertThat(checkpoint.origin()).isEqualTo(log.origin());
        assertThat(log.checkpointNow()).contains(signed);
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.audit_checkpoint").query(Long.class).single()).isOne();
    }

    @Test
    void theScheduleSignsAfterEnoughEventsOrOnceTheOldestUnsignedOneWaitedTheInterval() {
        AuditProperties everyTwo = new AuditProperties(true, log.origin(), null, null, 2L, Duration.ofSeconds(10));
        Lease lease = new Lease(jdbc, "signing-under-test", "this-node", Duration.ofSeconds(10));
        CheckpointSchedule now = new CheckpointSchedule(log, jdbc, Clock.systemUTC(), everyTwo, lease);
        CheckpointSchedule tenSecondsLater = new CheckpointSchedule(log, jdbc,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10)), everyTwo, lease);

        appender.on(at(opened("p-1", "alice", "why"), 1));
        now.tick();
        assertThat(log.latest()).isEmpty();
        appender.on(at(opened("p-2", "bob", "because"), 2));
        now.tick();
        assertThat(log.latest().orElseThrow().treeSize()).isEqualTo(2);

        appender.on(at(opened("p-3", "carol", "also"), 3));
        now.tick();
        assertThat(log.latest().orElseThrow().treeSize()).isEqualTo(2);
        tenSecondsLater.tick();
        assertThat(log.latest().orElseThrow().treeSize()).isEqualTo(3);
        tenSecondsLater.tick();
        assertThat(log.checkpoints(0, 10)).hasSize(2);
    }

    @Test
    void aSecondNodeSignsNothingWhileTheFirstHoldsTheLeaseAndTakesOverOnceItExpires() throws InterruptedException {
        AuditProperties everyOne = new AuditProperties(true, log.origin(), null, null, 1L, Duration.ofSeconds(10));
        CheckpointSchedule first = new CheckpointSchedule(log, jdbc, Clock.systemUTC(), everyOne,
                new Lease(jdbc, "signing-under-test", "node-a", Duration.ofMillis(400)));
        CheckpointSchedule second = new CheckpointSchedule(log, jdbc, Clock.systemUTC(), everyOne,
                new Lease(jdbc, "signing-under-test", "node-b", Duration.ofMillis(400)));

        appender.on(at(opened("p-1", "alice", "why"), 1));
        first.tick();
        appender.on(at(opened("p-2", "bob", "because"), 2));
        second.tick();
        assertThat(log.latest().orElseThrow().treeSize()).as("node b waits while node a holds the lease").isEqualTo(1);

        Thread.sleep(500); // node a died: its lease expires
        second.tick();
        assertThat(log.latest().orElseThrow().treeSize()).isEqualTo(2);
        first.tick();
        assertThat(log.checkpoints(0, 10)).extracting(AuditLog.SignedCheckpoint::treeSize).containsExactly(1L, 2L);
    }

    @Test
    void theStoreVerifierRebuildsTheAppendersLeavesFromTheRawRowsAndNamesAChangedReason() {
        DomainEventMessage<?> first = opened("p-1", "alice", "why");
        DomainEventMessage<?> second = opened("p-2", "bob", "because");
        storedAt(1, first);
        storedAt(2, second);
        appender.on(at(first, 1));
        appender.on(at(second, 2));
        log.checkpointNow();

        StoreVerifier.Outcome clean = verifier.verify(done -> { });
        assertThat(clean.first()).as(String.valueOf(clean.first())).isNull();
        assertThat(clean.checkpointsChecked()).isOne();

        jdbc.sql("UPDATE event_store.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, "
                + "'UTF8'), 'because', 'no reason'), 'UTF8') WHERE global_index = 2").update();
        StoreVerifier.Outcome changed = verifier.verify(done -> { });
        assertThat(changed.first().kind()).isEqualTo("CHANGED");
        assertThat(changed.first().position()).isEqualTo(2);
        assertThat(changed.first().eventId()).isEqualTo(second.getIdentifier());
    }

    @Test
    void theNewestLeavesDeletedFromTheTableStopTheAppenderRatherThanLetItLogOverThem() {
        appender.on(at(opened("p-1", "alice", "why"), 1));
        appender.on(at(opened("p-2", "bob", "because"), 2));
        log.sync();
        jdbc.sql("DELETE FROM query_side.audit_leaf WHERE log_index = 1").update();

        assertThatThrownBy(() -> appender.on(at(opened("p-3", "carol", "also"), 3)))
                .hasMessageContaining("leaves were deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.audit_leaf").query(Long.class).single()).isOne();
    }

    @Test
    void aLeafFromTheStoredRowEqualsTheLeafFromTheEventAsAxonReadsItSoEitherPathProvesTheSame() {
        DomainEventMessage<?> event = opened("p-1", "alice", "why");
        storedAt(1, event);
        AuditLeaves.Salted salts = AuditLeaves.Salted.random(new java.security.SecureRandom());

        byte[] fromRow = store.byIds(List.of(event.getIdentifier())).get(event.getIdentifier()).leaf(salts)
                .leafHash();

        assertThat(leaves.of(event, salts).leafHash()).isEqualTo(fromRow);
    }

    @Test
    void aLeafAlteredInTheTableNoLongerGivesTheSignedRoot() {
        DomainEventMessage<?> first = opened("p-1", "alice", "why");
        storedAt(1, first);
        appender.on(at(first, 1));
        log.checkpointNow();
        byte[] forged = MerkleHashes.leaf("forged".getBytes(StandardCharsets.UTF_8));
        jdbc.sql("UPDATE query_side.audit_leaf SET leaf_hash = ?").param(forged).update();

        StoreVerifier.Outcome outcome = verifier.verify(done -> { });
        // the event no longer matches its (forged) leaf, and the leaves no longer give the signed root
        assertThat(outcome.findings()).isEqualTo(2);
        assertThat(outcome.first().kind()).isEqualTo("CHANGED");
        assertThat(Arrays.equals(forged, log.tree().leafHash(0))).isFalse();
    }

    private static DomainEventMessage<PartnershipOpened> opened(String partnershipId, String actor, String reason) {
        return new GenericDomainEventMessage<>("Partnership", partnershipId, 0,
                new PartnershipOpened(new PartnershipId(partnershipId), "Field sales academy", "Acme Retail",
                        "Reps productive in 90 days", List.of()),
                MetaData.with("actor", actor).and("reason", reason).and("correlationId", "req-1")
                        .and("causationId", "cmd-1"));
    }

    private void storedAt(long position, DomainEventMessage<?> message) {
        StoredEventFixtures.storedAt(jdbc, serializer, position, message);
    }
}
