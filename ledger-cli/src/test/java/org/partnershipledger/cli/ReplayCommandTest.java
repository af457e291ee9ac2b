package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.partnershipledger.cli.StandInLedger.Answer;

class ReplayCommandTest {

    static String status(String name, String requestedAt, String completedAt, double progress) {
        return """
                {"name": "%s", "state": "REPLAYING", "segments": 1, "position": 40, "headPosition": 99, "lag": 59,
                 "replayProgress": %s, "caughtUp": false, "lastError": null,
                 "rebuild": {"requestedBy": "admin", "requestedAt": "%s", "completedAt": %s, "position": 50,
                             "progress": %s}}""".formatted(name, progress, requestedAt,
                completedAt == null ? "null" : "\"" + completedAt + "\"", progress);
    }

    /** Runs {@code ledger replay ...}, keeping what it wrote to standard error (its progress). */
    static Cli.Run replay(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Cli.Run run = Cli.ledger(args);
            return new Cli.Run(run.exit(), run.out(), run.err() + printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void everyReadModelIsRebuiltAtOnceAndWaitedForUntilEachHasTakenOver() throws Exception {
        String asked = "2026-12-06T10:00:00Z";
        try (StandInLedger ledger = new StandInLedger()) {
            ledger.on("POST", "/api/admin/processors/replay", Answer.json(202, """
                            {"headPosition": 99, "processors": [%s, %s]}"""
                            .formatted(status("event-log", asked, null, 0), status("board-views", asked, null, 0))))
                    .on("GET", "/api/admin/processors/event-log",
                            Answer.json(200, status("event-log", asked, null, 0.5)),
                            Answer.json(200, status("event-log", asked, "2026-12-06T10:00:09Z", 1)))
                    .on("GET", "/api/admin/processors/board-views",
                            // an earlier rebuild's completion does not count
                            Answer.json(200, status("board-views", asked, "2026-12-06T09:00:00Z", 0.2)),
                            Answer.json(200, status("board-views", asked, "2026-12-06T10:00:07Z", 1)));

            Cli.Run run = replay("replay", "--all", "--url", ledger.url());

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(ledger.requests).contains("POST /api/admin/processors/replay")
                    .noneMatch(request -> request.endsWith("/event-log/replay"));
            assertThat(ledger.requests.stream().filter(r -> r.equals("GET /api/admin/processors/board-views")))
                    .hasSize(2);
            assertThat(run.all()).contains("Rebuilding 2 read models: event-log, board-views")
                    .contains("Rebuilt event-log").contains("Rebuilt board-views");
        }
    }

    @Test
    void aLedgerThatDoesNotAnswerForAWhileIsAskedAgainUntilTheRebuildHasTakenOver() throws Exception {
        String asked = "2026-12-06T10:00:00Z";
        try (StandInLedger ledger = rebuildingTheEventLog(asked,
                Answer.json(200, status("event-log", asked, null, 0.4)),
                Answer.problem(503, "STORE_UNAVAILABLE", "The database does not answer"),
                Answer.problem(503, "STORE_UNAVAILABLE", "The database does not answer"),
                Answer.json(200, status("event-log", asked, "2026-12-06T10:00:09Z", 1)))) {
            Cli.Run run = replay("replay", "event-log", "--url", ledger.url());

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.all()).contains("STORE_UNAVAILABLE").contains("asking again").contains("Rebuilt event-log");
            assertThat(ledger.requests.stream().filter(r -> r.equals("GET /api/admin/processors/event-log")))
                    .hasSize(4);
        }
    }

    @Test
    void aLedgerStillNotAnsweringAtTheTimeoutIsExit2AndARefusalEndsTheWaitAtOnce() throws Exception {
        String asked = "2026-12-06T10:00:00Z";
        try (StandInLedger ledger = rebuildingTheEventLog(asked,
                Answer.problem(503, "STORE_UNAVAILABLE", "The database does not answer"))) {
            Cli.Run run = replay("replay", "event-log", "--timeout", "PT2S", "--url", ledger.url());

            assertThat(run.exit()).as(run.all()).isEqualTo(2);
            assertThat(run.all()).contains("No answer from the ledger at the end of PT2S")
                    .contains("STORE_UNAVAILABLE");
        }
        try (StandInLedger ledger = rebuildingTheEventLog(asked,
                Answer.problem(403, "FORBIDDEN", "Admins only"))) {
            Cli.Run run = replay("replay", "event-log", "--url", ledger.url());

            assertThat(run.exit()).as(run.all()).isEqualTo(2);
            assertThat(ledger.requests.stream().filter(r -> r.equals("GET /api/admin/processors/event-log")))
                    .as("a refusal is not asked again").hasSize(1);
        }
    }

    /** A stand-in ledger that starts the event log's rebuild, then answers its status with {@code statuses}. */
    private static StandInLedger rebuildingTheEventLog(String asked, Answer... statuses) throws Exception {
        return new StandInLedger()
                .on("POST", "/api/admin/processors/event-log/replay",
                        Answer.json(202, status("event-log", asked, null, 0)))
                .on("GET", "/api/admin/processors/event-log", statuses);
    }

    @Test
    void oneProcessorOrAllButNotBothNorNeither() throws Exception {
        try (StandInLedger ledger = new StandInLedger()) {
            assertThat(replay("replay", "--url", ledger.url()).exit()).isEqualTo(2);
            assertThat(replay("replay", "event-log", "--all", "--url", ledger.url()).exit()).isEqualTo(2);
            assertThat(ledger.requests).isEmpty();
        }
    }
}
