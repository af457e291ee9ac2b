package org.partnershipledger.query.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code analytics.event_log} as readers see it, with a human summary. {@code event} is the payload as
 * its event class, for readers that need its fields; it is absent for a type this version of the ledger does not
 * know.
 */
public record LoggedEvent(long position, String eventId, String partnershipId, String aggregateId, String aggregateType,
                          long sequence, String type, Instant timestamp, String actor, String reason, String summary,
                          JsonNode payload, String correlationId, String causationId, @JsonIgnore Object event) {

    public static final String COLUMNS = """
            position, event_id, partnership_id, aggregate_id, aggregate_type, sequence_number, type, occurred_at, actor,
            reason, payload::text AS payload, correlation_id, causation_id""";

    /** The payload as {@code type}, when it is one. */
    public <T> Optional<T> eventAs(Class<T> type) {
        return type.isInstance(event) ? Optional.of(type.cast(event)) : Optional.empty();
    }
}
