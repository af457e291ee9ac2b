package org.partnershipledger.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.program.ProgramProposed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The governance board's history: every event of a partnership and of its programs, in the order the ledger
 * recorded them, with who, when and why. Idempotent (keyed by global position) and replayable (reset empties it).
 */
@Component
@ProcessingGroup(HistoryProjection.NAME)
class HistoryProjection {

    static final String NAME = "partnership-history";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HistoryProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ProgramProposed event, DomainEventMessage<?> message, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO query_side.history_program (program_id, partnership_id) VALUES (?, ?)
                        ON CONFLICT (program_id) DO NOTHING""")
                .params(event.programId().value(), event.partnershipId().value())
                .update();
        record(event.partnershipId().value(), message, token);
    }

    @EventHandler
    void on(PartnershipOpened event, DomainEventMessage<?> message, TrackingToken token) {
        record(event.partnershipId().value(), message, token);
    }

    /** Any other event of a program or partnership: its partnership is found through the aggregate. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        partnershipOf(message).ifPresent(partnershipId -> record(partnershipId, message, token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE query_side.history_entry, query_side.history_program").update();
    }

    private Optional<String> partnershipOf(DomainEventMessage<?> message) {
        if ("Partnership".equals(message.getType())) {
            return Optional.of(message.getAggregateIdentifier());
        }
        return jdbc.sql("SELECT partnership_id FROM query_side.history_program WHERE program_id = ?")
                .param(message.getAggregateIdentifier())
                .query(String.class)
                .optional();
    }

    private void record(String partnershipId, DomainEventMessage<?> message, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO query_side.history_entry (position, event_id, partnership_id, aggregate_id,
                            aggregate_type, sequence_number, type, occurred_at, actor, reason, payload,
                            correlation_id, causation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(positionOf(token), message.getIdentifier(), partnershipId, message.getAggregateIdentifier(),
                        message.getType(), message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                        Timestamp.from(message.getTimestamp()), metadata(message, LedgerMetadata.ACTOR),
                        metadata(message, LedgerMetadata.REASON), toJson(message.getPayload()),
                        metadata(message, LedgerMetadata.CORRELATION_ID),
                        metadata(message, LedgerMetadata.CAUSATION_ID))
                .update();
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Event without a global position"));
    }

    private static String metadata(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the payload of " + payload.getClass().getName(), e);
        }
    }
}
