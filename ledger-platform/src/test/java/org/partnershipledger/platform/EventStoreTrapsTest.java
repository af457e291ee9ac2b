package org.partnershipledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The known ways an Axon event store on PostgreSQL loses or leaks data, each shown not to happen here.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "ledger.schema=platform_test")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventStoreTrapsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void globalPositionsAreHandedOutOneByOneNotInPooledBlocks() {
        var identity = jdbc.sql("""
                        SELECT is_identity, identity_increment FROM information_schema.columns
                        WHERE table_schema = 'event_store' AND table_name = 'domain_event_entry'
                          AND column_name = 'global_index'""")
                .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2)).single();
        assertThat(identity).isEqualTo("YES/1");
        long cache = jdbc.sql("""
                        SELECT seqcache FROM pg_sequence
                        WHERE seqrelid = pg_get_serial_sequence('event_store.domain_event_entry', 'global_index')::regclass""")
                .query(Long.class).single();
        assertThat(cache).isEqualTo(1);
    }

    @Test
    void noColumnIsStoredAsALargeObject() {
        List<String> oidOrLob = jdbc.sql("""
                        SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema IN ('event_store', 'platform_test') AND data_type IN ('oid', 'lo')""")
                .query(String.class).list();
        assertThat(oidOrLob).isEmpty();
        List<String> payloadTypes = jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE (table_schema, table_name) IN (('event_store', 'domain_event_entry'),
                                                             ('event_store', 'snapshot_event_entry'),
                                                             ('platform_test', 'token_entry'))
                          AND column_name IN ('payload', 'meta_data', 'token')""")
                .query(String.class).list();
        assertThat(payloadTypes).hasSize(5).containsOnly("bytea");
    }

    /**
     * A transaction takes position N, another commits N+1 first, then the first commits: a reader that already
     * passed N+1 must still deliver N (it is a gap being waited for, not a loss).
     */
    @Test
    void anEventCommittedAfterALaterPositionIsStillDelivered() throws Exception {
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            String early = insertEvent(slow);
            String late = insertEvent(fast);

            List<String> seen = new ArrayList<>();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                seen.add(stream.nextAvailable().getIdentifier());
                assertThat(seen).containsExactly(late);

                slow.commit();
                assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
                seen.add(stream.nextAvailable().getIdentifier());
            }
            assertThat(seen).containsExactly(late, early);
        }
    }

    private static String insertEvent(Connection connection) throws Exception {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Probe', ?, 'java.lang.String', NULL, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, "\"probe\"".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        return id;
    }
}
