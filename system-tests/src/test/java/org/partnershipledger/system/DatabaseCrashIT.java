package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.postgres.LocalPostgres;
import org.partnershipledger.platform.testing.Http;

/**
 * PostgreSQL stops at once (immediate shutdown) under load, then starts again: while it is down both services say
 * DOWN and answer 503 with Retry-After within a couple of seconds; afterwards both carry on by themselves, nothing
 * acknowledged is lost and every surface is complete.
 */
class DatabaseCrashIT {

    static final long QUICK_MILLIS = 3_000;

    @Test
    void bothServicesAnswer503WhileTheDatabaseIsDownAndRecoverWithNothingLost() throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-db-crash");
        int port = ServiceProcess.freePort();
        LocalPostgres postgres = LocalPostgres.start(dataDir, port);
        postgres.awaitReady(60_000);
        try (LedgerRunner ledger = new LedgerRunner(postgres.jdbcUrl()).start("ledger.webhooks.initial-backoff=50ms");
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            Http manager = ledger.commands("manager");
            FaultKit.Programs programs = FaultKit.partnershipWithPrograms(manager, 3);
            PartnershipLife life = programs.life();
            String subscription = receiver.subscribe(ledger.queries("integration"));
            FaultKit.Load load = new FaultKit.Load(() -> manager, programs.ids(), 4, 20);
            Thread.sleep(1_500);

            killImmediately(dataDir);
            postgres.close(); // lets go of the data directory; the server is gone already
            for (Http service : List.of(manager, ledger.queries("board"))) {
                long start = System.nanoTime();
                Http.Response health = service.get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(millisSince(start)).as("health answers DOWN quickly").isLessThan(QUICK_MILLIS);
            }
            long start = System.nanoTime();
            Http.Response command = manager.postJson("/api/programs/" + life.programId + "/impact", """
                    {"level": 1, "kpiId": "ttq", "value": 1, "unit": "points", "periodStart": "2026-07-01",
                     "periodEnd": "2026-07-31", "source": "SURVEY"}""", "Idempotency-Key", "during-the-outage");
            assertUnavailable(command, start);
            start = System.nanoTime();
            assertUnavailable(ledger.queries("board").get("/api/partnerships/" + life.partnershipId), start);
            Thread.sleep(3_000);

            postgres = LocalPostgres.start(dataDir, port);
            postgres.awaitReady(60_000);
            Thread.sleep(3_000);
            load.close();

            FaultKit.everySurfaceHasEveryEvent(ledger.database, ledger.queries("admin"), ledger.queries("integration"),
                    ledger.queryPort(), load, receiver, subscription);
            assertThat(load.statuses).containsKey(503);
            System.out.printf("Fault suite, PostgreSQL immediate shutdown: %d commands acknowledged, statuses %s, "
                    + "0 answered 500, 0 lost, 0 differences%n", load.acknowledged.size(), load.statuses);
        } finally {
            postgres.close();
        }
    }

    static void assertUnavailable(Http.Response response, long start) {
        assertThat(millisSince(start)).as("answered quickly").isLessThan(QUICK_MILLIS);
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
    }

    static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** SIGQUIT to the postmaster: immediate shutdown, every connection cut, no checkpoint. */
    static void killImmediately(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        String pid = Files.readAllLines(pidFile).get(0).trim();
        assertThat(new ProcessBuilder("kill", "-QUIT", pid).start().waitFor()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pidFile).doesNotExist();
    }
}
