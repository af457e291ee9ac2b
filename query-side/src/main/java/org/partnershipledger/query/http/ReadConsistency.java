package org.partnershipledger.query.http;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.partnershipledger.query.readmodel.ReadModelPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for clients: a command answers with the aggregate's version, and a read with
 * {@code ?minVersion=N} waits (at most 5 s) until the read model has it; every read says which global position
 * its read model reflects in {@code X-Ledger-Position}. It waits only for what the event store holds: a version
 * no command has answered yet is refused at once, and an id nothing was recorded for is not found at once (a wait
 * for either would end in a 503 that no retry can cure).
 */
@Component
public class ReadConsistency {

    public static final String POSITION_HEADER = "X-Ledger-Position";
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final EventStore store;

    ReadConsistency(JdbcClient jdbc, EventStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Thrown when the read model has not caught up with a version the client has seen. */
    public static class NotYetConsistent extends RuntimeException {
        NotYetConsistent(long wanted, long current) {
            super("The read model is at version " + current + ", not yet at " + wanted + "; retry shortly");
        }
    }

    /**
     * Waits until {@code currentVersion} of the aggregate reaches {@code minVersion} (if given); -1 means "does not
     * exist yet". Returns at once when nothing was recorded for the id (the read then answers 404), and refuses a
     * version beyond the latest one recorded (400 VALIDATION_FAILED).
     */
    public void await(String aggregateId, Long minVersion, LongSupplier currentVersion) {
        if (minVersion == null) {
            return;
        }
        long current = currentVersion.getAsLong();
        if (current >= minVersion) {
            return;
        }
        long recorded = store.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (recorded < 0) {
            return;
        }
        if (recorded < minVersion) {
            throw new Refused(ProblemCode.VALIDATION_FAILED, "minVersion " + minVersion
                    + " is beyond the latest version recorded; send a version a command answered");
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (current < minVersion) {
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistent(minVersion, current);
            }
            sleep();
            current = currentVersion.getAsLong();
        }
    }

    public long position(String processor) {
        return ReadModelPositions.of(jdbc, processor);
    }

    /** 200 with the body and the position the named read model reflects. */
    public <T> ResponseEntity<T> ok(T body, String processor) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(position(processor))).body(body);
    }

    static ResponseEntity<ProblemDetail> notYet(NotYetConsistent e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(ProblemCode.NOT_YET_CONSISTENT, e.getMessage()));
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
