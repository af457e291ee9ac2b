package org.partnershipledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.partnershipledger.platform.postgres.LocalPostgres;

/** The PostgreSQL the benchmark runs on: a fresh embedded one by default, or {@code LEDGER_DB_URL}. */
final class BenchDatabase implements AutoCloseable {

    private final LocalPostgres embedded;
    /** The embedded server's data, a gigabyte or two: removed when the bench ends, however it ends. */
    private final Path dataDirectory;
    final String url;
    final String user;
    final String password;

    private BenchDatabase(LocalPostgres embedded, Path dataDirectory, String url, String user, String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase start() throws Exception {
        String external = System.getenv().getOrDefault("LEDGER_DB_URL", "");
        if (!external.isBlank()) {
            return new BenchDatabase(null, null, external, System.getenv().getOrDefault("LEDGER_DB_USER", "postgres"),
                    System.getenv().getOrDefault("LEDGER_DB_PASSWORD", ""));
        }
        Path dir = Files.createTempDirectory("ledger-bench-pg");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir))); // also when the bench fails or is stopped
        LocalPostgres postgres = LocalPostgres.start(dir, 0);
        postgres.awaitReady(60_000);
        String database = "bench_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new BenchDatabase(postgres, dir, "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database,
                LocalPostgres.USER, "");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * After the bulk load, what an operator does after an import: statistics for the planner, the visibility map
     * set, and a checkpoint, so that the next measurement does not pay for autovacuum and the load's dirty pages.
     * A checkpoint needs a superuser; without one it is skipped.
     */
    void settle() throws SQLException {
        vacuumAndCheckpoint("VACUUM ANALYZE event_store.domain_event_entry");
    }

    /**
     * Between two phases that write read models: what autovacuum would do to the tables the phase before wrote (the
     * first vacuum of a table just filled, its statistics), and a checkpoint of its dirty pages, done now. Autovacuum
     * wakes up to a minute after a table was filled, so a phase would otherwise pay for the one before it: in two
     * runs the machine stayed busy 41–49 s after a rebuild had taken over, in whichever phase came next. Every table
     * of the database; those vacuumed already are skipped page by page. Returns the seconds it took.
     */
    double vacuumAll() throws SQLException {
        long started = System.nanoTime();
        vacuumAndCheckpoint("VACUUM (ANALYZE)");
        return (System.nanoTime() - started) / 1e9;
    }

    /** Runs {@code vacuum}, then a checkpoint, which needs a superuser: without one it is skipped. */
    private void vacuumAndCheckpoint(String vacuum) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(vacuum);
            try {
                statement.execute("CHECKPOINT");
            } catch (SQLException notSuperuser) {
                System.out.println("  (no CHECKPOINT: " + notSuperuser.getMessage() + ")");
            }
        }
    }

    /** Server version and the settings that decide write and read speed. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : new String[] {"server_version", "shared_buffers", "synchronous_commit", "fsync",
                    "wal_level", "max_connections", "work_mem"}) {
                var rs = statement.executeQuery("SHOW " + name);
                rs.next();
                settings.put(name, rs.getString(1));
            }
        }
        settings.put("embedded", Boolean.toString(embedded != null));
        return settings;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            delete(dataDirectory);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove " + directory + ": " + e.getMessage());
        }
    }
}
