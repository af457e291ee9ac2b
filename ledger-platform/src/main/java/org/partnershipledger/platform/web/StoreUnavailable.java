package org.partnershipledger.platform.web;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "the store is not answering" apart from every other failure, so that a request that needed PostgreSQL (or
 * Axon Server) while it was down answers {@code 503 STORE_UNAVAILABLE} with {@code Retry-After} instead of a 500:
 * the client did nothing wrong and may send the same request again. Looked for anywhere in the cause chain, because
 * Hikari, Spring and Axon each wrap what the driver threw.
 */
public final class StoreUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailable.class);
    /** A restarted PostgreSQL takes a few seconds before it takes connections again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private StoreUnavailable() {
    }

    /** True when {@code failure}, or anything it wraps, says the store could not be reached or went away. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return causedBy(failure, seen);
    }

    private static boolean causedBy(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (unavailable(t)) {
                return true;
            }
            // a failed JDBC batch keeps what the server said in the next exception, not in the cause
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && causedBy(sql.getNextException(), seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer: 503 with a stable code, and a Retry-After. A write cut off by the outage may or may not have been
     * recorded, so the detail says how to retry it safely. Logs one line, not a stack trace for every request while
     * the store is down.
     */
    public static ResponseEntity<ProblemDetail> respond(Throwable cause) {
        LOG.warn("Answered 503 {}: {}", ProblemCode.STORE_UNAVAILABLE, NestedExceptionUtils.getMostSpecificCause(cause).toString());
        return ResponseEntity.status(ProblemCode.STORE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }

    static ProblemDetail problem() {
        return Problems.problem(ProblemCode.STORE_UNAVAILABLE,
                "The ledger cannot reach its store right now; retry in a few seconds. A write sent with an "
                        + "Idempotency-Key can be retried as it is, whether or not it was recorded before the outage");
    }

    private static boolean unavailable(Throwable t) {
        return t instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException
                // a commit or rollback the database did not complete; a rollback after a commit broke the connection
                // only says "Connection is closed" (Hikari closed it), and the outcome of the write is unknown
                || t instanceof TransactionSystemException && t.getCause() instanceof SQLException
                || t instanceof SQLTransientConnectionException // Hikari: no connection within connectionTimeout
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && connectionLost(sql.getSQLState())
                || t instanceof StatusRuntimeException grpc && unreachable(grpc.getStatus())
                || t instanceof StatusException grpc && unreachable(grpc.getStatus())
                || t instanceof AxonServerException axon && unreachable(axon.errorCode())
                || t instanceof io.axoniq.axonserver.connector.AxonServerException connector
                && unreachable(connector.getErrorCategory());
    }

    /**
     * SQLState class 08 is "connection exception"; 57P01 to 57P03 are a server shutting down (admin or immediate),
     * crashing, or starting up and not taking connections yet.
     */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    private static boolean unreachable(Status status) {
        return status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED;
    }

    private static boolean unreachable(ErrorCode code) {
        return code == ErrorCode.CONNECTION_FAILED || code == ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE;
    }

    private static boolean unreachable(ErrorCategory category) {
        return category == ErrorCategory.CONNECTION_FAILED || category == ErrorCategory.NO_EVENT_STORE_MASTER_AVAILABLE;
    }
}
