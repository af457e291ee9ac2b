package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.ReviewAction;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The services' event store reads an event stored at an older revision through the upcasters Spring Boot hands to
 * Axon: a business review stored with plain-text actions (revision 1) is read as numbered actions.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "ledger.schema=platform_test")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class StoredRevisionsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void aBusinessReviewStoredAsRevision1IsReadWithNumberedActions() {
        String partnership = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Partnership', ?, ?, '1', ?, ?)""")
                .params(UUID.randomUUID().toString(), partnership, Instant.now().toString(),
                        BusinessReviewHeld.class.getName(), ("{\"partnershipId\":\"" + partnership + "\","
                                + "\"period\":\"2026-Q3\",\"attendees\":[\"CLO\"],\"decisions\":[],"
                                + "\"actions\":[\"Measure L3\",\"Draft it\"]}").getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();

        DomainEventStream events = eventStore.readEvents(partnership);

        BusinessReviewHeld review = (BusinessReviewHeld) events.next().getPayload();
        assertThat(review.actions()).containsExactly(new ReviewAction("2026-Q3-1", "Measure L3", null, null, null),
                new ReviewAction("2026-Q3-2", "Draft it", null, null, null));
    }
}
