package org.partnershipledger.platform.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP only when the event store answers: asks it for its head position (PostgreSQL or Axon Server alike).
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        super("The event store did not answer");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        long position = head == null ? 0 : head.position().orElse(0);
        builder.up().withDetail("headPosition", position).withDetail("store", eventStore.getClass().getSimpleName());
    }
}
