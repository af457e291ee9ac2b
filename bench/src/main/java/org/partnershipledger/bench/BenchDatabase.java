package org.partnershipledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershipledger.platform.postgres.LocalPostgres;

/** The PostgreSQL the benchmark runs on: a fresh embedded one by default, or {@code LEDGER_DB_URL}. */
final class BenchDatabase implements AutoCloseable {

    private final LocalPostgres embedded;
    private final Path directory;
    final String url;
    final String user;
    final String password;

    private BenchDatabase(LocalPostgres embedded, Path directory, String url, String user, String password) {
        this.embedded = embedded;
        this.directory = directory;
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
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE event_store.domain_event_entry");
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
            // the loaded store is gigabytes: a bench run leaves nothing behind in the temporary directory
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                System.out.println("  (could not delete " + directory + ": " + e.getMessage() + ")");
            }
        }
    }
}
