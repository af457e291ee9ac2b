package org.partnershipledger.query.history;

import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.common.EventMetadata;
import org.partnershipledger.query.common.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code analytics.event_log}: every event in the order the ledger recorded it, with who, when, why, its payload
 * and metadata, and the partnership it belongs to. The board's histories and the pivot log read it; analysts
 * query it with SQL. Keyed by global position, so a redelivered event changes nothing; a reset empties it.
 */
@Component
@ProcessingGroup(EventLogProjection.NAME)
class EventLogProjection {

    static final String NAME = "event-log";

    private final JdbcClient jdbc;
    private final Json json;

    EventLogProjection(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ProgramProposed event, DomainEventMessage<?> message, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO query_side.program_partnership (program_id, partnership_id) VALUES (?, ?)
                        ON CONFLICT (program_id) DO NOTHING""")
                .params(event.programId().value(), event.partnershipId().value())
                .update();
        record(event.partnershipId().value(), message, token);
    }

    /** Any other event: its partnership is its aggregate, or found through its program. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        record(partnershipOf(message).orElse(null), message, token);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE analytics.event_log, query_side.program_partnership").update();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(NAME).update();
    }

    private Optional<String> partnershipOf(DomainEventMessage<?> message) {
        if ("Partnership".equals(message.getType())) {
            return Optional.of(message.getAggregateIdentifier());
        }
        return jdbc.sql("SELECT partnership_id FROM query_side.program_partnership WHERE program_id = ?")
                .param(message.getAggregateIdentifier())
                .query(String.class)
                .optional();
    }

    private void record(String partnershipId, DomainEventMessage<?> message, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO analytics.event_log (position, event_id, partnership_id, aggregate_id,
                            aggregate_type, sequence_number, type, occurred_at, actor, reason, payload, metadata,
                            correlation_id, causation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(token.position().orElseThrow(() -> new IllegalStateException("Event without a position")),
                        message.getIdentifier(), partnershipId, message.getAggregateIdentifier(), message.getType(),
                        message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                        Timestamp.from(message.getTimestamp()), EventMetadata.actor(message),
                        EventMetadata.reason(message), json.write(message.getPayload()),
                        json.write(message.getMetaData()),
                        EventMetadata.text(message, LedgerMetadata.CORRELATION_ID),
                        EventMetadata.text(message, LedgerMetadata.CAUSATION_ID))
                .update();
    }
}
