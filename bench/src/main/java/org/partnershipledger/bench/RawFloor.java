package org.partnershipledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ProgramId;

/**
 * What PostgreSQL itself does on this machine, the floor the ledger is compared with: single-row INSERT+COMMIT
 * into a table shaped like the event table, and an ordered read of such a table with Jackson deserialisation.
 */
final class RawFloor {

    private final BenchDatabase db;
    private final ObjectMapper json;
    private final byte[] payload;

    RawFloor(BenchDatabase db, ObjectMapper json) throws Exception {
        this.db = db;
        this.json = json;
        this.payload = json.writeValueAsBytes(sampleEvent());
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench_raw");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench_raw.event (
                        global_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,
                        payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),
                        payload BYTEA NOT NULL, meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    static ImpactRecorded sampleEvent() {
        return new ImpactRecorded(new ProgramId(UUID.randomUUID().toString()), UUID.randomUUID().toString(), 4, "ttq",
                new BigDecimal("104.5"), "days", UUID.randomUUID().toString(), "EMEA", LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of("bi://dashboards/ttq"), null, null, 2);
    }

    /** Single-row INSERT + COMMIT per operation, {@code concurrency} connections, for {@code duration}. */
    Measured insertCommit(int concurrency, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> results = new ArrayList<>();
        Histogram latency = Measured.histogram();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < concurrency; t++) {
            results.add(threads.submit(() -> {
                Histogram mine = Measured.histogram();
                long count = 0;
                try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO bench_raw.event (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Program', ?, 'org.partnershipledger.events.program.ImpactRecorded', '1', ?, ?)""")) {
                    byte[] metadata = "{\"actor\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, Instant.now().toString());
                        insert.setBytes(4, payload);
                        insert.setBytes(5, metadata);
                        insert.executeUpdate();
                        mine.recordValue(System.nanoTime() - t0);
                        count++;
                    }
                }
                synchronized (latency) {
                    latency.add(mine);
                }
                return new long[] {count};
            }));
        }
        long total = 0;
        for (Future<long[]> result : results) {
            total += result.get()[0];
        }
        threads.shutdown();
        return new Measured(total, (System.nanoTime() - start) / 1e9, latency);
    }

    /** Reads the raw table in position order, deserialising every payload; events per second. */
    Measured orderedRead(int rows) throws Exception {
        try (Connection connection = db.connect()) {
            long present;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM bench_raw.event")) {
                rs.next();
                present = rs.getLong(1);
            }
            if (present < rows) {
                fill(connection, rows - present);
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long count = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery(
                        "SELECT global_index, payload FROM bench_raw.event ORDER BY global_index LIMIT " + rows)) {
                    while (rs.next()) {
                        json.readValue(rs.getBytes(2), ImpactRecorded.class);
                        count++;
                    }
                }
            }
            connection.commit();
            return new Measured(count, (System.nanoTime() - start) / 1e9, Measured.histogram());
        }
    }

    private void fill(Connection connection, long rows) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bench_raw.event (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload)
                VALUES (?, ?, 0, 'Program', ?, 'org.partnershipledger.events.program.ImpactRecorded', '1', ?)""")) {
            for (long i = 0; i < rows; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, Instant.now().toString());
                insert.setBytes(4, payload);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        connection.setAutoCommit(true);
    }
}
