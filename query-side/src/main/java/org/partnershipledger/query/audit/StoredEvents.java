package org.partnershipledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.leaf.PersonalField;
import org.partnershipledger.events.common.LedgerMetadata;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event store's rows exactly as stored, for leaves: the payload's bytes, its stored type and revision, the
 * stored timestamp text and the metadata JSON. Never through Axon's reading path, which upcasts an old revision to
 * the current shape: a leaf commits to what was recorded, so the appender, the audit pack and the store verifier
 * all build leaves from these rows, and an upcaster added later cannot break a proof.
 *
 * <p>Only the PostgreSQL store has rows to read. With Axon Server ({@link #available()} false) the appender and the
 * pack build leaves from the events as Axon reads them ({@link AuditLeaves}).
 */
@Component
class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            SELECT e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number,
                   e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
            FROM event_store.domain_event_entry""";
    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));

    private final JdbcClient jdbc;
    private final boolean available;

    StoredEvents(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.available = eventStore instanceof EmbeddedEventStore;
    }

    /** Whether the events are in PostgreSQL, where their rows can be read. */
    boolean available() {
        return available;
    }

    /** The rows of these events, by event id; an id with no row (deleted, or not committed) is absent. */
    Map<String, StoredEvent> byIds(List<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        if (available && !eventIds.isEmpty()) {
            // joined with the ids rather than "= ANY(?)", which a prepared plan may turn into a scan of the store
            jdbc.sql(COLUMNS + " e JOIN unnest(?::varchar[]) AS wanted(id) ON e.event_identifier = wanted.id")
                    .param(eventIds.toArray(String[]::new))
                    .query(ROW).list().forEach(event -> found.put(event.eventId(), event));
        }
        return found;
    }

    /** An aggregate's rows in sequence order. */
    List<StoredEvent> ofAggregate(String aggregateId) {
        return jdbc.sql(COLUMNS + " e WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number").param(aggregateId)
                .query(ROW).list();
    }

    /** The rows at positions [from, to). */
    List<StoredEvent> between(long from, long to) {
        return jdbc.sql(COLUMNS + " e WHERE e.global_index >= ? AND e.global_index < ?").params(from, to).query(ROW)
                .list();
    }

    /** One row of the event store, as stored. */
    record StoredEvent(long position, String eventId, String aggregateType, String aggregateId,
                       long sequenceNumber, String timestampText, String payloadType, String revision,
                       byte[] payload, byte[] metadata) {

        Instant timestamp() {
            return Instant.parse(timestampText);
        }

        boolean readableTimestamp() {
            try {
                timestamp();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** The event's leaf with these salts: the payload is the stored bytes as UTF-8 text. */
        LeafEntry leaf(AuditLeaves.Salted salts) {
            JsonNode meta = readMetadata();
            return new LeafEntry(eventId, aggregateType, aggregateId, sequenceNumber, payloadType, revision,
                    timestamp(),
                    PersonalField.revealed(new String(payload, StandardCharsets.UTF_8), salts.payload()),
                    PersonalField.revealed(text(meta, LedgerMetadata.ACTOR), salts.actor()),
                    PersonalField.revealed(text(meta, LedgerMetadata.REASON), salts.reason()),
                    text(meta, LedgerMetadata.CORRELATION_ID), text(meta, LedgerMetadata.CAUSATION_ID));
        }

        private JsonNode readMetadata() {
            if (metadata == null) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(metadata);
            } catch (IOException e) {
                return JSON.createObjectNode().put("unreadable", true);
            }
        }

        private static String text(JsonNode metadata, String key) {
            JsonNode value = metadata.get(key);
            return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
        }
    }
}
