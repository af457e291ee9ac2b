package org.partnershipledger.query.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where events are in the event store, read from its table: what the audit log compares with what it received.
 * Only the PostgreSQL store has a table to read; with Axon Server, which nobody edits with SQL, nothing is found.
 */
@Component
class StorePositions {

    private final JdbcClient jdbc;
    private final boolean inPostgres;

    StorePositions(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.inPostgres = eventStore instanceof EmbeddedEventStore;
    }

    boolean inPostgres() {
        return inPostgres;
    }

    Map<String, Long> of(List<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        if (inPostgres && !eventIds.isEmpty()) {
            jdbc.sql("SELECT event_identifier, global_index FROM event_store.domain_event_entry "
                            + "WHERE event_identifier = ANY(?)")
                    .param(eventIds.toArray(String[]::new))
                    .query(rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return positions;
    }
}
