package org.partnershipledger.platform.axon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP only when the event store answers: asks it for its head position (PostgreSQL or Axon Server alike), and
 * gives up after a timeout rather than hang the health endpoint. The question is asked on a thread of its own, not
 * in the common pool: while the store is down it blocks until the connection pool gives up, and would hold up
 * whatever else runs in the common pool meanwhile.
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
        TrackingToken head;
        try {
            head = CompletableFuture.supplyAsync(eventStore::createHeadToken, EventStoreHealthIndicator::ownThread)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "No answer within " + timeout.toMillis() + " ms");
            return;
        }
        // the newest event's position, -1 for an empty store (Axon Server numbers events from 0)
        long position = head == null ? -1 : head.position().orElse(-1);
        builder.up().withDetail("headPosition", position).withDetail("store", eventStore.getClass().getSimpleName());
    }

    private static void ownThread(Runnable check) {
        Thread thread = new Thread(check, "event-store-health-check");
        thread.setDaemon(true);
        thread.start();
    }
}
