package org.partnershipledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipledger.query.StoredEventFixtures.at;
import static org.partnershipledger.query.StoredEventFixtures.tracked;

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
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.StoredEventFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Each handler of the event log projection, on the real read-model tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventLogProjectionTest {

    @Autowired
    EventLogProjection projection;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @BeforeEach
    void empty() {
        // the service's own event-log processor stays out of the way of the events these tests put in the store
        processing.eventProcessor(EventLogProjection.NAME).ifPresent(EventProcessor::shutDown);
        projection.reset();
    }

    @Test
    void anOpenedPartnershipIsItsFirstHistoryEntryWithWhoWhyAndRequest() {
        var opened = HistoryEvents.opened("p-1", "alice", "Onboarding takes too long");
        projection.on(at(opened, 7));

        Map<String, Object> row = jdbc.sql("SELECT * FROM analytics.event_log").query().singleRow();
        assertThat(row).containsEntry("position", 7L).containsEntry("partnership_id", "p-1")
                .containsEntry("aggregate_type", "Partnership").containsEntry("type", "PartnershipOpened")
                .containsEntry("actor", "alice").containsEntry("reason", "Onboarding takes too long")
                .containsEntry("correlation_id", "req-1").containsEntry("causation_id", "cmd-1");
        assertThat(row.get("payload").toString()).contains("\"client\": \"Acme Retail\"");
    }

    @Test
    void anEventRecordedWithANulCharacterIsStillLoggedWithTheReplacementCharacter() {
        // the command side refuses U+0000 now; an event recorded before must not stop the audit trail
        var opened = new GenericDomainEventMessage<>("Partnership", "p-1", 0,
                new PartnershipOpened(new PartnershipId("p-1"), "Field\u0000academy", "Acme", "v", List.of()),
                MetaData.with("actor", "alice").and("reason", "why\u0000not"));
        projection.on(at(opened, 3));

        Map<String, Object> row = jdbc.sql("SELECT reason, payload->>'name' AS name FROM analytics.event_log")
                .query().singleRow();
        assertThat(row).containsEntry("reason", "why\ufffdnot").containsEntry("name", "Field\ufffdacademy");
    }

    @Test
    void programEventsJoinTheirPartnershipsHistory() {
        var proposed = HistoryEvents.proposed("prog-1", "p-1", "bob");
        projection.on(proposed.getPayload(), at(proposed, 8));
        var later = HistoryEvents.laterProgramEvent("prog-1", 1);
        projection.on(at(later, 9));

        List<String> partnerships = jdbc.sql("SELECT partnership_id FROM analytics.event_log ORDER BY position")
                .query(String.class).list();
        assertThat(partnerships).containsExactly("p-1", "p-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(at(opened, 7));
        projection.on(at(opened, 7));
        var proposed = HistoryEvents.proposed("prog-1", "p-1", "bob");
        projection.on(proposed.getPayload(), at(proposed, 8));
        projection.on(proposed.getPayload(), at(proposed, 8));

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.program_partnership").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventOfAnAggregateOutsideAnyPartnershipIsStillLoggedForAnalysts() {
        var orphan = HistoryEvents.laterProgramEvent("unknown-program", 3);
        projection.on(at(orphan, 10));

        assertThat(jdbc.sql("SELECT partnership_id FROM analytics.event_log").query().singleRow())
                .containsEntry("partnership_id", null);
    }

    @Test
    void theWholeMetadataIsKeptForAnalysts() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(at(opened, 7));

        assertThat(jdbc.sql("SELECT metadata->>'correlationId' FROM analytics.event_log").query(String.class).single())
                .isEqualTo("req-1");
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(at(opened, 7));

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single()).isZero();
    }

    @Test
    void anEventThatCommittedAfterALaterOneKeepsItsOwnPositionAndIsNotLost() {
        // 12 committed first: the reader's token went to 12 with 11 as a gap. Then 11 committed and filled the gap,
        // so its token still says 12. A dead letter read back has no position of its own either: the store is asked.
        var later = HistoryEvents.opened("p-2", "bob", "second");
        var late = HistoryEvents.opened("p-1", "alice", "first");
        storedAt(11, late);
        storedAt(12, later);
        projection.on(tracked(later, GapAwareTrackingToken.newInstance(12, Set.of(11L))));
        projection.on(tracked(late, GapAwareTrackingToken.newInstance(12, Set.of())));

        assertThat(jdbc.sql("SELECT position, partnership_id FROM analytics.event_log ORDER BY position").query()
                .listOfRows()).containsExactly(Map.of("position", 11L, "partnership_id", "p-1"),
                Map.of("position", 12L, "partnership_id", "p-2"));
    }

    private void storedAt(long position, DomainEventMessage<?> message) {
        StoredEventFixtures.storedAt(jdbc, serializer, position, message);
    }
}
