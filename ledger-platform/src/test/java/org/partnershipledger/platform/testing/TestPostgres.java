package org.partnershipledger.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnershipledger.platform.postgres.LocalPostgres;

/**
 * One real PostgreSQL per test JVM (the same embedded server the ledger runs on), and a fresh database for each
 * test context, so tests never see each other's events.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres server;

    private TestPostgres() {
    }

    public static synchronized LocalPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("ledger-test-pg");
                server = LocalPostgres.start(dir, 0);
                server.awaitReady(60_000);
                LocalPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    awaitClientsGone(started, CLIENTS_GONE_WITHIN);
                    started.close();
                    deleteQuietly(dir); // a data directory per test JVM would otherwise fill the disk
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /**
     * How long the database waits at the JVM's exit for its clients to go. The test contexts close in shutdown hooks
     * of their own, which run alongside this one: stopped first, the database left their processors retrying against
     * nothing while they shut down (2 s per connection attempt), and a JVM took more than 30 s to exit.
     */
    static final Duration CLIENTS_GONE_WITHIN = Duration.ofSeconds(10);

    /** Waits until no other client is connected to {@code server}, at most {@code within}. */
    static void awaitClientsGone(LocalPostgres server, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet others = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()""")) {
                    if (others.next() && others.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            // the server is gone already: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at shutdown
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "ledger_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server().jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + server().port() + "/" + name;
    }
}
