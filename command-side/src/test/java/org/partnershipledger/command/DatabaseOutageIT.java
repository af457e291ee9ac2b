package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.postgres.LocalPostgres;
import org.partnershipledger.platform.testing.Http;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database dies under load (immediate shutdown, as after SIGQUIT to the postmaster) and comes back on the same
 * port: meanwhile every command and the health endpoint answer within seconds, with 503 problem+json and never 500;
 * afterwards commands work again without restarting the service, and what was recorded before is still there.
 */
class DatabaseOutageIT {

    private static final String OPEN = """
            {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding takes too long"}""";
    private static final long QUICK_MILLIS = 3_000;

    @Test
    void commandsAndHealthAnswer503QuicklyWhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-outage");
        int port = freePort();
        LocalPostgres postgres = LocalPostgres.start(dataDir, port);
        postgres.awaitReady(60_000);
        ExecutorService load = Executors.newFixedThreadPool(4);
        // the build runs tests with the PostgreSQL driver's assertions off, as production runs it: under -ea the
        // driver asserts, while finishing a batch, that the connection still answers, which is just what fails here
        try (ConfigurableApplicationContext commandSide = CommandSideApplication.builder().properties(
                        "ledger.db.url=" + postgres.jdbcUrl(), "ledger.db.user=postgres", "ledger.db.pool-size=5")
                .run("--server.port=0")) {
            Http http = Http.localhost(((WebServerApplicationContext) commandSide).getWebServer().getPort())
                    .as("manager");
            Http.Response opened = http.postJson("/api/partnerships", OPEN);
            assertThat(opened.status()).isEqualTo(201);
            String before = opened.json().get("partnershipId").asText();

            // commands keep coming while the server dies
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Future<List<Timed>>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(load.submit(() -> {
                    List<Timed> answers = new ArrayList<>();
                    while (sending.get()) {
                        answers.add(timed(() -> http.postJson("/api/partnerships", OPEN)));
                    }
                    return answers;
                }));
            }
            Thread.sleep(500);
            killImmediately(dataDir);
            Thread.sleep(3_000);
            sending.set(false);
            List<Timed> underLoad = new ArrayList<>();
            for (Future<List<Timed>> sender : senders) {
                underLoad.addAll(sender.get(30, TimeUnit.SECONDS));
            }
            assertThat(underLoad).extracting(t -> t.response.status()).containsOnly(201, 503).contains(503);
            underLoad.stream().filter(t -> t.response.status() == 503).forEach(DatabaseOutageIT::assertUnavailable);
            assertThat(underLoad).allSatisfy(t -> assertThat(t.millis).isLessThan(QUICK_MILLIS));
            postgres.close(); // releases the data directory; the server is gone already

            assertUnavailable(timed(() -> http.postJson("/api/partnerships", OPEN)));
            assertUnavailable(timed(() -> http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "outage-1")));
            assertUnavailable(timed(() -> http.putJson("/api/partnerships/" + before + "/governance-charter",
                    "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}")));
            Timed health = timed(() -> http.get("/actuator/health"));
            assertThat(health.response.status()).isEqualTo(503);
            // the db check gives up after 1 s, the event store's after the pool's connection timeout (2 s)
            assertThat(health.millis).isLessThan(QUICK_MILLIS + 1_000);
            assertThat(health.response.json().at("/components/db/status").asText()).isEqualTo("DOWN");
            assertThat(health.response.json().at("/components/eventStore/status").asText()).isEqualTo("DOWN");

            postgres = LocalPostgres.start(dataDir, port);
            postgres.awaitReady(30_000);

            Http.Response after = await(() -> http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "outage-1"),
                    r -> r.status() == 201, Duration.ofSeconds(30));
            assertThat(after.json().get("partnershipId").asText()).isNotEqualTo(before);
            await(() -> http.get("/actuator/health"), r -> r.status() == 200, Duration.ofSeconds(30));
            assertThat(eventsOf(postgres, before)).isEqualTo(1);
        } finally {
            load.shutdownNow();
            postgres.close();
        }
    }

    private record Timed(Http.Response response, long millis) {
    }

    private static Timed timed(Supplier<Http.Response> request) {
        long start = System.nanoTime();
        Http.Response response = request.get();
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    private static void assertUnavailable(Timed answer) {
        assertThat(answer.response.status()).as(answer.response.toString()).isEqualTo(503);
        assertThat(answer.response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.response.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(answer.response.header("Retry-After")).isNotBlank();
        assertThat(answer.millis).isLessThan(QUICK_MILLIS);
    }

    /** SIGQUIT to the postmaster: immediate shutdown, every connection cut at once, no checkpoint. */
    private static void killImmediately(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        String pid = Files.readAllLines(pidFile).get(0).trim();
        assertThat(new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pidFile).doesNotExist();
    }

    private static Http.Response await(Supplier<Http.Response> request, Predicate<Http.Response> done,
                                       Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Gave up after " + timeout + "; last answer: " + last);
    }

    private static long eventsOf(LocalPostgres postgres, String aggregateId) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
