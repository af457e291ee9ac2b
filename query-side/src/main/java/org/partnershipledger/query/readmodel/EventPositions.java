package org.partnershipledger.query.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.partnershipledger.platform.axon.PositionedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An event's own global position, for everything keyed by position (the event log, and through it the histories,
 * the export, the stream and webhooks). Never the tracking token's: an event that fills a gap has a token whose
 * position is a later event's (see {@link PositionedEventMessage}). The message carries its position when it was
 * read from the store; a message that does not (a dead letter read back) is looked up by its identifier.
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;
    /** Positions looked up in the store: rare (dead letters, an ambiguous read); many would mean a lost position. */
    private final Counter lookups;

    public EventPositions(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.lookups = Counter.builder("ledger.event.position.lookups")
                .description("Event positions looked up in the store because the message did not carry one")
                .register(meters);
    }

    /** How many positions were looked up in the store so far. */
    public long lookups() {
        return (long) lookups.count();
    }

    public long of(EventMessage<?> message) {
        OptionalLong carried = PositionedEventMessage.positionOf(message);
        if (carried.isPresent()) {
            return carried.getAsLong();
        }
        lookups.increment();
        return jdbc.sql("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = ?")
                .param(message.getIdentifier()).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("Event " + message.getIdentifier()
                        + " is not in the event store, so its position is unknown"));
    }
}
