package org.partnershipledger.platform.axon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP only when the event store answers: asks it for its head position (PostgreSQL or Axon Server alike), and
 * gives up after a timeout rather than hang the health endpoint.
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;
    private final Duration timeout;

    public EventStoreHealthIndicator(EventStore eventStore, Duration timeout) {
        super("The event store did not answer");
        this.eventStore = eventStore;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        TrackingToken head = CompletableFuture.supplyAsync(eventStore::createHeadToken)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long position = head == null ? 0 : head.position().orElse(0);
        builder.up().withDetail("headPosition", position).withDetail("store", eventStore.getClass().getSimpleName());
    }
}
