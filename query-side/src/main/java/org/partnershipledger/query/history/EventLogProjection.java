package org.partnershipledger.query.history;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.readmodel.BatchedWrites;
import org.partnershipledger.query.readmodel.EventMetadata;
import org.partnershipledger.query.readmodel.EventPositions;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.PerAggregate;
import org.partnershipledger.query.readmodel.Storable;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code analytics.event_log}: every event in the order the ledger recorded it, with who, when, why, its payload
 * and metadata, and the partnership it belongs to. The board's histories and the pivot log read it; analysts
 * query it with SQL. Keyed by the event's own global position (see {@link EventPositions}), so a redelivered event
 * changes nothing and an event that committed after later ones still gets its row; a reset empties it. An event's
 * row needs only the event and, for a program's events, the program's proposal, an event of the same aggregate: so
 * it is rebuilt in segments ({@link PerAggregate}).
 */
@Component
@ProcessingGroup(EventLogProjection.NAME)
@Owns({"analytics.event_log", "query_side.program_partnership"})
@PerAggregate
class EventLogProjection {

    static final String NAME = "event-log";

    private static final String INSERT = """
            INSERT INTO analytics.event_log (position, event_id, partnership_id, aggregate_id, aggregate_type,
                sequence_number, type, occurred_at, actor, reason, payload, metadata, correlation_id, causation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final int KNOWN_PROGRAMS = 100_000;

    /** The serializer the event store wrote with: an event's stored JSON is taken as it is, not read and rewritten. */
    private final Serializer serializer;
    /** Which partnership a program belongs to never changes, so it is remembered once looked up. */
    private final Map<String, String> programPartnerships = new ConcurrentHashMap<>();
    private final BatchedWrites rows;
    /**
     * Which partnership a proposed program belongs to, for lookups after a restart (the map above serves the rest):
     * batched too, so a proposal does not send the batch's event rows early (a statement on the tables would).
     */
    private final BatchedWrites programs;
    /** Each row's key is the event's own position, never its tracking token's. */
    private final EventPositions positions;
    private final Tables tables;

    EventLogProjection(Tables tables, @Qualifier("eventSerializer") Serializer serializer, EventPositions positions) {
        this.tables = tables;
        this.serializer = serializer;
        this.positions = positions;
        this.rows = tables.batched(INSERT);
        this.programs = tables.batched("""
                INSERT INTO query_side.program_partnership (program_id, partnership_id) VALUES (?, ?)
                ON CONFLICT (program_id) DO NOTHING""");
    }


    @EventHandler
    void on(ProgramProposed event, DomainEventMessage<?> message) {
        programs.add(event.programId().value(), event.partnershipId().value());
        remember(event.programId().value(), event.partnershipId().value());
        record(event.partnershipId().value(), message);
    }

    /**
     * Any other event: its partnership is its aggregate, or found through its program. The payload is logged as it
     * was stored, so it is never deserialised here (a replay of the event log alone reads no payload as an object).
     */
    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> message) {
        record(partnershipOf(message).orElse(null), message);
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE analytics.event_log, query_side.program_partnership").update();
        programPartnerships.clear();
        tables.forgetPosition();
    }

    private Optional<String> partnershipOf(DomainEventMessage<?> message) {
        if (PartnershipEvent.class.isAssignableFrom(message.getPayloadType())) {
            return Optional.of(message.getAggregateIdentifier());
        }
        String programId = message.getAggregateIdentifier();
        String known = programPartnerships.get(programId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> stored = tables.sql(
                        "SELECT partnership_id FROM query_side.program_partnership WHERE program_id = ?")
                .param(programId)
                .query(String.class)
                .optional();
        stored.ifPresent(partnershipId -> remember(programId, partnershipId));
        return stored;
    }

    private void remember(String programId, String partnershipId) {
        if (programPartnerships.size() >= KNOWN_PROGRAMS) {
            programPartnerships.clear();
        }
        programPartnerships.put(programId, partnershipId);
    }

    /** Rows are written in one JDBC batch when the processor's batch commits. */
    private void record(String partnershipId, DomainEventMessage<?> message) {
        Object[] row = {positions.of(message),
                message.getIdentifier(), partnershipId, message.getAggregateIdentifier(), message.getType(),
                message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                Timestamp.from(message.getTimestamp()), EventMetadata.actor(message), EventMetadata.reason(message),
                Storable.json(message.serializePayload(serializer, byte[].class).getData()),
                Storable.json(message.serializeMetaData(serializer, byte[].class).getData()),
                EventMetadata.text(message, LedgerMetadata.CORRELATION_ID),
                EventMetadata.text(message, LedgerMetadata.CAUSATION_ID)};
        rows.add(row);
    }
}
