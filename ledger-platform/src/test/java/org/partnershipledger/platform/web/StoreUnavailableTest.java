package org.partnershipledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the store is not answering" (503, retry) and which stay what they were. */
class StoreUnavailableTest {

    @Test
    void aDatabaseThatIsDownOrGoingDownIsRecognisedThroughWhateverWrapsIt() {
        SQLTransientConnectionException noConnection = new SQLTransientConnectionException(
                "ledger - Connection is not available, request timed out after 2000ms", "08001",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException()));

        assertThat(StoreUnavailable.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection",
                noConnection))).isTrue();
        assertThat(StoreUnavailable.causedBy(new CannotGetJdbcConnectionException("Failed", noConnection))).isTrue();
        assertThat(StoreUnavailable.causedBy(new EventStoreException("An event could not be stored",
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(StoreUnavailable.causedBy(new IllegalStateException(new SQLException(
                "terminating connection due to immediate shutdown command", "57P01")))).isTrue();
        assertThat(StoreUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(StoreUnavailable.causedBy(new CommandExecutionException("failed", new EventStoreException("x",
                new SQLException("crash of another server process", "57P02")), null))).isTrue();
    }

    @Test
    void aBatchCutOffByTheOutageIsRecognisedByWhatTheServerSaidNext() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", null, 0,
                new int[0]);
        batch.setNextException(new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE));

        assertThat(StoreUnavailable.causedBy(new EventStoreException("An event could not be stored", batch)))
                .isTrue();
    }

    @Test
    void aRollbackThatFailsBecauseTheCommitBrokeTheConnectionIsRecognised() {
        // JdbcTransactionManager rolls back after the failed commit; Hikari has closed the broken connection by then
        assertThat(StoreUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(StoreUnavailable.causedBy(new TransactionSystemException("No transaction"))).isFalse();
    }

    @Test
    void anUnreachableAxonServerIsRecognisedToo() {
        assertThat(StoreUnavailable.causedBy(new AxonServerCommandDispatchException("AXONIQ-4003",
                "Exception while dispatching a command to AxonServer",
                Status.UNAVAILABLE.withDescription("No connection to AxonServer available").asRuntimeException())))
                .isTrue();
        assertThat(StoreUnavailable.causedBy(new AxonServerException(ErrorCode.CONNECTION_FAILED.errorCode(),
                "Connection failed"))).isTrue();
        assertThat(StoreUnavailable.causedBy(new io.axoniq.axonserver.connector.AxonServerException(
                ErrorCategory.CONNECTION_FAILED, "Connection failed", "client"))).isTrue();
    }

    @Test
    void whatTheAxonServerConnectorSaysDuringAnOutageIsRecognised() {
        // Axon Server went away with the command in flight: the call closed without an answer
        assertThat(StoreUnavailable.causedBy(new java.util.concurrent.CompletionException(
                new io.axoniq.axonserver.connector.AxonServerException(ErrorCategory.COMMAND_DISPATCH_ERROR,
                        "Reply completed without result", "client")))).isTrue();
        // Axon Server is back, the command side has not registered its handlers with it again yet
        assertThat(StoreUnavailable.causedBy(new org.axonframework.commandhandling.NoHandlerForCommandException(
                "No Handler for command: OpenPartnership"))).isTrue();
        assertThat(StoreUnavailable.causedBy(new AxonServerException(ErrorCode.NO_HANDLER_FOR_COMMAND.errorCode(),
                "No handler"))).isTrue();
        // an aggregate's events (time travel) stopped arriving, or the stream was closed by the outage
        assertThat(StoreUnavailable.causedBy(new RuntimeException("Was unable to load aggregate due to timeout",
                new io.axoniq.axonserver.connector.impl.StreamTimeoutException()))).isTrue();
        assertThat(StoreUnavailable.causedBy(new io.axoniq.axonserver.connector.impl.StreamClosedException(
                Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()))).isTrue();
        // a processor's event stream from Axon Server broke off
        assertThat(StoreUnavailable.causedBy(new AxonServerException(ErrorCode.OTHER.errorCode(),
                "The Event Stream has been closed, so no further events can be retrieved", (Throwable) null))).isTrue();
        // an append Axon Server did not confirm within the commit timeout
        assertThat(StoreUnavailable.causedBy(new org.axonframework.messaging.ExecutionException(
                "Timeout while executing request", new java.util.concurrent.TimeoutException()))).isTrue();
        // the head of the store asked while Axon Server is down
        assertThat(StoreUnavailable.causedBy(new EventStoreException("x", new java.util.concurrent.ExecutionException(
                Status.UNAVAILABLE.asRuntimeException())))).isTrue();
    }

    @Test
    void aCommandHandledOnANodeThatCouldNotReachItsStoreIsRecognisedByWhatItsCausesSaid() {
        var remote = new CommandExecutionException("failed", new org.axonframework.axonserver.connector.command
                .AxonServerRemoteCommandHandlingException("AXONIQ-4002", io.axoniq.axonserver.grpc.ErrorMessage
                .newBuilder().setMessage("Could not open JDBC Connection for transaction")
                .addDetails("Could not open JDBC Connection for transaction")
                .addDetails("ledger - Connection is not available, request timed out after 2000ms.").build()), null);
        var appendFailed = new CommandExecutionException("failed", new org.axonframework.axonserver.connector.command
                .AxonServerRemoteCommandHandlingException("AXONIQ-4002", io.axoniq.axonserver.grpc.ErrorMessage
                .newBuilder().setMessage("x").addDetails("UNAVAILABLE: io exception").build()), null);
        var ruleBroken = new CommandExecutionException("failed", new org.axonframework.axonserver.connector.command
                .AxonServerRemoteCommandHandlingException("AXONIQ-4002", io.axoniq.axonserver.grpc.ErrorMessage
                .newBuilder().setMessage("x").addDetails("Cannot invoke \"Object.toString()\"").build()), null);

        assertThat(StoreUnavailable.causedBy(remote)).isTrue();
        assertThat(StoreUnavailable.causedBy(appendFailed)).isTrue();
        assertThat(StoreUnavailable.causedBy(ruleBroken)).isFalse();
    }

    @Test
    void otherFailuresAreNotMistakenForAnOutage() {
        assertThat(StoreUnavailable.causedBy(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(StoreUnavailable.causedBy(new SQLException("canceling statement due to statement timeout",
                "57014"))).isFalse();
        assertThat(StoreUnavailable.causedBy(new ConcurrencyException("already inserted",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(StoreUnavailable.causedBy(new AxonServerException(ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                "No handler"))).isFalse();
        assertThat(StoreUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(StoreUnavailable.causedBy(null)).isFalse();
    }

    @Test
    void theAnswerIsA503ProblemWithAStableCodeAndRetryAfter() {
        var answer = StoreUnavailable.respond(new SQLTransientConnectionException("timed out"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(StoreUnavailable.RETRY_AFTER_SECONDS);
        assertThat(answer.getBody().getProperties()).containsEntry(Problems.CODE, "STORE_UNAVAILABLE");
    }
}
