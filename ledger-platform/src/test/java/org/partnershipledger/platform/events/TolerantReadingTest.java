package org.partnershipledger.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.ConcernRaised;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Stored messages are read by every later version of the ledger, and by earlier ones during a rolling upgrade: a
 * field a reader does not know is ignored, and a field it knows but the stored JSON lacks takes its default. Request
 * bodies stay strict.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "ledger.schema=platform_test")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class TolerantReadingTest {

    private static final String TYPE = ConcernRaised.class.getName();
    private static final String WITH_A_FIELD_ADDED_LATER = """
            {"partnershipId":"p-1","concernId":"k-1","raisedBy":"PARTNER","subject":"Late briefs",
             "description":"Briefs arrived two weeks late","partnerOrganizationId":"acme-learning",
             "severity":"HIGH","followUps":[{"due":"2026-10-01"}]}""";
    private static final String FROM_BEFORE_AN_OPTIONAL_FIELD = """
            {"partnershipId":"p-1","concernId":"k-1","raisedBy":"PARTNER","subject":"Late briefs",
             "description":"Briefs arrived two weeks late"}""";

    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    ObjectMapper application;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAxonSerializerIgnoresAFieldItDoesNotKnow() {
        for (Serializer each : List.of(serializer, eventSerializer, messageSerializer)) {
            assertThat(read(each, WITH_A_FIELD_ADDED_LATER)).isEqualTo(concern("acme-learning"));
        }
    }

    @Test
    void everyAxonSerializerReadsThroughTheOneThatKeepsItsLookups() {
        assertThat(List.of(serializer, eventSerializer, messageSerializer))
                .allSatisfy(each -> assertThat(each).isInstanceOf(StoredMessagesSerializer.class));
    }

    @Test
    void aFieldTheStoredJsonLacksTakesItsDefault() {
        for (Serializer each : List.of(serializer, eventSerializer, messageSerializer)) {
            assertThat(read(each, FROM_BEFORE_AN_OPTIONAL_FIELD)).isEqualTo(concern(null));
        }
    }

    /** The whole reading path of the event store, from the stored row to the event. */
    @Test
    void theEventStoreReadsAStoredEventWithAFieldItDoesNotKnow() {
        String aggregate = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Partnership', '2026-09-30T10:15:30Z', ?, '1', ?, ?)""")
                .params(UUID.randomUUID().toString(), aggregate, TYPE,
                        WITH_A_FIELD_ADDED_LATER.getBytes(StandardCharsets.UTF_8),
                        "{\"actor\":\"manager\",\"addedLater\":true}".getBytes(StandardCharsets.UTF_8))
                .update();

        try {
            List<Object> read = eventStore.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload)
                    .map(Object.class::cast).toList();

            assertThat(read).containsExactly(concern("acme-learning"));
        } finally {
            // other tests of this context read the store from its start and expect only their own events
            jdbc.sql("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ?").param(aggregate)
                    .update();
        }
    }

    @Test
    void requestBodiesStayStrict() {
        assertThatThrownBy(() -> application.readValue(WITH_A_FIELD_ADDED_LATER, ConcernRaised.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    private static Object read(Serializer serializer, String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                TYPE, "1"));
    }

    private static ConcernRaised concern(String partner) {
        return new ConcernRaised(new PartnershipId("p-1"), "k-1", Side.PARTNER, "Late briefs",
                "Briefs arrived two weeks late", partner);
    }
}
