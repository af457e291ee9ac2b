package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;

/**
 * The event export streams with constant memory: a query side given a 64 MB heap exports a million events (about
 * 0.6 GB of NDJSON), every line in position order, and is still healthy afterwards.
 */
class ExportMemoryIT {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final int EVENTS = Integer.getInteger("ledger.export-test.events", 1_000_000);
    static final String HEAP = "64m";

    private Process querySide;

    @AfterEach
    void stop() {
        if (querySide != null) {
            querySide.destroyForcibly();
        }
    }

    @Test
    void aMillionEventsExportThroughA64MegabyteHeap() throws Exception {
        String database = TestPostgres.newDatabase();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("query-side", ".log");
        querySide = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-Daxoniq.update-checker.disabled=true",
                "-jar", HOME.resolve("query-side/target/query-side-exec.jar").toString(),
                "--ledger.db.url=" + database, "--ledger.db.user=postgres", "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Http admin = Http.localhost(port).as("admin");
        awaitUp(admin, log);
        long filling = System.nanoTime();
        fillTheEventLog(database);
        long exporting = System.nanoTime();

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/export/events"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        long lines = 0;
        long bytes = 0;
        long lastPosition = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 1;
                JsonNode event = json.readTree(line);
                assertThat(event.get("specversion").asText()).isEqualTo("1.0");
                assertThat(event.get("data").get("seq").asLong()).isEqualTo(lines);
                long position = event.get("position").asLong();
                assertThat(position).isGreaterThan(lastPosition);
                lastPosition = position;
            }
        }

        assertThat(lines).isEqualTo(EVENTS);
        assertThat(bytes).as("the export is far larger than the heap").isGreaterThan(5L * 64 * 1024 * 1024);
        assertThat(querySide.isAlive()).as("the query side survived: " + Files.readString(log)).isTrue();
        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
        double seconds = (System.nanoTime() - exporting) / 1e9;
        System.out.printf("Filled the event log in %.1f s; exported %,d events (%,d MB) through a %s heap in %.1f s "
                + "(%,.0f events/s)%n", (exporting - filling) / 1e9, lines, bytes >> 20, HEAP, seconds, lines / seconds);
    }

    private void awaitUp(Http admin, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(querySide.isAlive()).as("the query side stopped: " + Files.readString(log)).isTrue();
            try {
                if (admin.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The query side did not start: " + Files.readString(log));
    }

    /** A million events straight into the event log (projecting them would test the projection, not export). */
    private static void fillTheEventLog(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO analytics.event_log (position, event_id, partnership_id, aggregate_id, aggregate_type,
                        sequence_number, type, occurred_at, actor, reason, payload, metadata, correlation_id,
                        causation_id)
                    SELECT i, 'e-' || i, 'p-' || (i / 100), 'p-' || (i / 100), 'Partnership', mod(i, 100),
                           'ConcernRaised', TIMESTAMPTZ '2026-01-01' + i * INTERVAL '1 second', 'manager',
                           'Late SME reviews', jsonb_build_object('seq', i, 'partnershipId', 'p-' || (i / 100),
                               'raisedBy', 'PARTNER', 'subject', 'Late SME reviews',
                               'description', 'Two weeks late on the second module, again'),
                           jsonb_build_object('actor', 'manager', 'reason', 'Late SME reviews'),
                           'req-' || i, 'cmd-' || i
                    FROM generate_series(1, %d) AS i""".formatted(EVENTS));
            // statistics, as autovacuum or a rebuild leaves them on a live event log: with none, the planner takes
            // the just-filled table for an empty one and sorts the whole remaining range for every page
            statement.execute("ANALYZE analytics.event_log");
            statement.execute("""
                    INSERT INTO query_side.read_model_position (processor, position) VALUES ('event-log', %d)
                    ON CONFLICT (processor) DO UPDATE SET position = EXCLUDED.position""".formatted(EVENTS));
        }
    }
}
