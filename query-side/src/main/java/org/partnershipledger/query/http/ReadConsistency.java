package org.partnershipledger.query.http;

import java.time.Duration;
import java.util.function.LongSupplier;
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
 * its read model reflects in {@code X-Ledger-Position}.
 */
@Component
public class ReadConsistency {

    public static final String POSITION_HEADER = "X-Ledger-Position";
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;

    ReadConsistency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Thrown when the read model has not caught up with a version the client has seen. */
    public static class NotYetConsistent extends RuntimeException {
        NotYetConsistent(long wanted, long current) {
            super("The read model is at version " + current + ", not yet at " + wanted + "; retry shortly");
        }
    }

    /** Waits until {@code currentVersion} reaches {@code minVersion} (if given); -1 means "does not exist yet". */
    public void await(Long minVersion, LongSupplier currentVersion) {
        if (minVersion == null) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long current = currentVersion.getAsLong();
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
