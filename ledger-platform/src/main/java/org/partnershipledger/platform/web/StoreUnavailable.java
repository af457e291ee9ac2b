package org.partnershipledger.platform.web;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.axoniq.axonserver.connector.impl.StreamTimeoutException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.RemoteHandlingException;
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
                || t instanceof AxonServerException axon && (unreachable(axon.errorCode())
                // a processor's stream from Axon Server broke off (the connection dropped, or Axon Server stopped)
                || String.valueOf(axon.getMessage()).startsWith("The Event Stream has been closed"))
                || t instanceof io.axoniq.axonserver.connector.AxonServerException connector
                && unreachable(connector.getErrorCategory())
                // Axon Server answered, but no handler of the command is connected to it: after Axon Server
                // restarts, until the command side has registered its handlers again (every command has one)
                || t instanceof NoHandlerForCommandException
                || t instanceof StreamTimeoutException // Axon Server stopped sending an aggregate's events
                // Axon Server did not confirm an append within its commit timeout: the outcome is unknown
                || t instanceof org.axonframework.messaging.ExecutionException
                && t.getCause() instanceof java.util.concurrent.TimeoutException
                // the command was handled on a node (this one, through Axon Server) that could not reach its
                // store: only the messages of its causes travel back, so they are what tells
                || t instanceof RemoteHandlingException remote
                && remote.getExceptionDescriptions().stream().anyMatch(StoreUnavailable::describesAnOutage);
    }

    /** What the causes of an outage say when they are seen only as text, from another node. */
    private static final List<String> OUTAGE_MESSAGES = List.of(
            "UNAVAILABLE:", "DEADLINE_EXCEEDED:", // gRPC: Axon Server could not be reached
            "[AXONIQ-3001]", "[AXONIQ-2100]", // connection failed, no event store leader
            "Timeout while executing request", // an append Axon Server did not confirm in time
            "Failed to obtain JDBC Connection", "Could not open JDBC Connection", "Unable to acquire JDBC Connection",
            "Connection is not available, request timed out", // Hikari
            "This connection has been closed", "An I/O error occurred while sending to the backend",
            "terminating connection due to administrator command", "the database system is starting up",
            "the database system is shutting down", "Check that the hostname and port are correct");

    static boolean describesAnOutage(String description) {
        return description != null && OUTAGE_MESSAGES.stream().anyMatch(description::contains);
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
        return code == ErrorCode.CONNECTION_FAILED || code == ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE
                || code == ErrorCode.NO_HANDLER_FOR_COMMAND;
    }

    /**
     * The connector's own failures: it names a dispatch error only when the call to Axon Server failed or was
     * closed without an answer (Axon Server went away with the command in flight), so the command may be retried.
     */
    private static boolean unreachable(ErrorCategory category) {
        return category == ErrorCategory.CONNECTION_FAILED || category == ErrorCategory.NO_EVENT_STORE_MASTER_AVAILABLE
                || category == ErrorCategory.COMMAND_DISPATCH_ERROR || category == ErrorCategory.QUERY_DISPATCH_ERROR
                || category == ErrorCategory.NO_HANDLER_FOR_COMMAND;
    }
}
