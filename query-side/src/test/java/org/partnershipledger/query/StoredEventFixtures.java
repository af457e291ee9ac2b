package org.partnershipledger.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events as a processor receives them, and as the event store holds them, for handler tests on real tables. */
public final class StoredEventFixtures {

    private StoredEventFixtures() {
    }

    /** The event as read from the store at a position that is its own. */
    public static <T> DomainEventMessage<T> at(DomainEventMessage<T> message, long position) {
        return tracked(message, new GlobalSequenceTrackingToken(position));
    }

    /** The event as read with the given token (whose position is a later event's when the event fills a gap). */
    public static <T> DomainEventMessage<T> tracked(DomainEventMessage<T> message, TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token, message);
    }

    /** Writes the event into the event store's table at the given position, payload and metadata as Axon would. */
    public static void storedAt(JdbcClient jdbc, Serializer serializer, long position, DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metadata = serializer.serialize(message.getMetaData(), byte[].class);
        jdbc.sql("""
                        INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(position, message.getIdentifier(), message.getAggregateIdentifier(),
                        message.getSequenceNumber(), message.getType(), message.getTimestamp().toString(),
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                        metadata.getData())
                .update();
    }
}
