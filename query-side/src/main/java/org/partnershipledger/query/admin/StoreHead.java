package org.partnershipledger.query.admin;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.stereotype.Component;

/**
 * The newest event's position in the event store, for the processors' status and gauges: {@code -1} when the
 * store holds no event, empty when it does not answer within {@link #TIMEOUT}. On PostgreSQL that is the highest
 * {@code global_index}; on Axon Server the last event's index (events are numbered from 0), not their count, so it
 * is compared with processors' positions in the same numbering.
 *
 * <p>While Axon Server is down, asking can block for its commit timeout (10 s): one question at a time is asked,
 * on a thread of its own, and whoever asks meanwhile waits for that one.
 */
@Component
class StoreHead {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final EventStore eventStore;
    private final Executor ownThread = check -> {
        Thread thread = new Thread(check, "event-store-head");
        thread.setDaemon(true);
        thread.start();
    };
    private CompletableFuture<TrackingToken> asking;

    StoreHead(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    OptionalLong newestPosition() {
        try {
            TrackingToken head = ask().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return OptionalLong.of(positionOf(head));
        } catch (TimeoutException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (ExecutionException e) {
            if (StoreUnavailable.causedBy(e.getCause())) {
                return OptionalLong.empty();
            }
            throw new IllegalStateException("The event store could not tell its head", e.getCause());
        }
    }

    /** A head token's position: the newest event's; -1 for no token (an empty store, on either store). */
    static long positionOf(TrackingToken head) {
        return head == null ? -1 : head.position().orElse(-1);
    }

    private synchronized CompletableFuture<TrackingToken> ask() {
        if (asking == null || asking.isDone()) {
            asking = CompletableFuture.supplyAsync(eventStore::createHeadToken, ownThread);
        }
        return asking;
    }
}
