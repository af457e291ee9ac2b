package org.partnershipledger.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.TestPostgres;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The services' pool gives up on a database that stops answering: a request's statement after
 * {@code ledger.db.request-network-timeout}, with a failure the services answer with 503; any other work after the
 * longest a transaction may last and 15 s more (the pool's connections had no such bound at all: the driver passed
 * over the bounds given as numbers). A server busy in {@code pg_sleep} sends nothing, as a frozen one does.
 */
class RequestBoundConnectionsTest {

    private static final int POOL_BOUND_MILLIS = 45_000;

    private DataSource dataSource;

    @BeforeEach
    void pool() {
        LedgerDatabaseProperties properties = new LedgerDatabaseProperties(TestPostgres.newDatabase(), "postgres", "",
                Path.of("unused"), null, 1, Duration.ofSeconds(30), true);
        dataSource = new LedgerDatabaseAutoConfiguration().dataSource(properties, null, Duration.ofSeconds(2),
                Duration.ofMillis(700));
    }

    @AfterEach
    void close() {
        RequestContextHolder.resetRequestAttributes();
        ((RequestBoundConnections) dataSource).close();
    }

    @Test
    void aRequestsStatementGivesUpOnADatabaseThatStoppedAnsweringAndThatIsAnOutage() throws SQLException {
        inARequest();
        long started = System.nanoTime();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(5)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(StoreUnavailable.causedBy(e)).as("answered 503").isTrue());
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void otherWorkHasTheLongerBoundAndARequestsConnectionGoesBackWithIt() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(POOL_BOUND_MILLIS);
        }
        inARequest();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(700);
        }
        RequestContextHolder.resetRequestAttributes();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(POOL_BOUND_MILLIS);
            statement.execute("SELECT pg_sleep(1.2)");
        }
    }

    private static void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }
}
