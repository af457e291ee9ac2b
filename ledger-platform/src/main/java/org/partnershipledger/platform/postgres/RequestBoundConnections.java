package org.partnershipledger.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The pool, with the connections a thread takes while it serves an HTTP request bounded by
 * {@code ledger.db.request-network-timeout} (10 s): a database that stops answering in the middle of a request's
 * statement (a frozen server, a network that drops packets) fails that statement then, and the request answers 503
 * {@code STORE_UNAVAILABLE} with {@code Retry-After}, instead of waiting for the driver's own bound, which is longer
 * than any transaction may last (45 s) for the sake of the work in the background. A request that takes a connection
 * once the database stopped answering already fails within about 2 s (the pool checks it first, unless it was used
 * in the last half second). A connection goes back to the pool with its usual bound (Hikari restores it).
 */
final class RequestBoundConnections extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource pool;
    private final int millis;

    RequestBoundConnections(HikariDataSource pool, Duration requestTimeout) {
        super(pool);
        this.pool = pool;
        this.millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bounded(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bounded(super.getConnection(username, password));
    }

    private Connection bounded(Connection connection) throws SQLException {
        if (millis > 0 && RequestContextHolder.getRequestAttributes() != null) {
            try {
                connection.setNetworkTimeout(Runnable::run, millis);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    @Override
    public void close() {
        pool.close();
    }
}
