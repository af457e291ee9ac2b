package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * What a newcomer does: {@code ledger up}, send a command, stop it, start it again. Runs the built launcher as
 * its own process, with its own embedded PostgreSQL and data folder.
 */
class LauncherIT {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private Path console;
    private Process launcher;
    private int webPort;

    @AfterEach
    void killLeftovers() {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void upRunsTheLedgerStopsCleanlyAndKeepsHistoryAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory("ledger-up");
        int db = freePort();
        int commandPort = freePort();
        int queryPort = freePort();
        webPort = freePort();

        up(data, db, commandPort, queryPort);
        assertThat(Http.localhost(webPort).statusOf("/actuator/health")).as("the board's web application is up")
                .isEqualTo(200);
        Http commands = Http.localhost(commandPort).as("manager");
        Http queries = Http.localhost(queryPort).as("board");
        String partnership = commands.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding takes too long",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}]}""")
                .json().get("partnershipId").asText();
        queries.await("/api/partnerships/" + partnership + "/history", r -> r.status() == 200, Duration.ofSeconds(10));
        theCommandLineOperatesTheRunningLedger(queryPort);
        aServiceOrTheDatabaseThatDiesIsRestarted(data, commandPort, queryPort, partnership);

        stop();
        assertThat(answers(commandPort)).isFalse();
        assertThat(answers(queryPort)).isFalse();
        assertThat(answers(webPort)).isFalse();
        assertThat(answers(db)).as("the embedded PostgreSQL is stopped too").isFalse();
        assertThat(output()).contains("Stopping the ledger ...", "Stopped. Data is kept in");
        assertThat(output().substring(output().indexOf("Stopping the ledger ...")))
                .as("a clean stop reports no crash").doesNotContain("stopped unexpectedly");

        up(data, db, commandPort, queryPort);
        Http.Response history = Http.localhost(queryPort).as("board").get("/api/partnerships/" + partnership + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("events").get(0).get("type").asText()).isEqualTo("PartnershipOpened");
        stop();
    }

    /** kill -9 of the command side, then an immediate shutdown of the embedded PostgreSQL: the ledger carries on. */
    private void aServiceOrTheDatabaseThatDiesIsRestarted(Path data, int commandPort, int queryPort, String partnership)
            throws Exception {
        ProcessHandle commandSide = launcher.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("command-side-exec.jar")).findFirst()
                .orElseThrow();
        commandSide.destroyForcibly();
        awaitOutput("command-side stopped unexpectedly");
        Http commands = Http.localhost(commandPort).as("manager");
        String charter = "/api/partnerships/" + partnership + "/governance-charter";
        long restarted = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!answers(commandPort) || Http.localhost(commandPort).statusOf("/actuator/health") != 200) {
            assertThat(System.nanoTime()).as("command side back; launcher output: %s", output()).isLessThan(restarted);
            Thread.sleep(250);
        }
        assertThat(commands.putJson(charter, "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}")
                .status()).isEqualTo(200);

        String postmaster = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim();
        assertThat(new ProcessBuilder("kill", "-QUIT", postmaster).start().waitFor()).isZero();
        Http.Response concern;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        do {
            concern = commands.postJson("/api/partnerships/" + partnership + "/concerns",
                    "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late\", \"description\": \"Two weeks late\"}");
            assertThat(concern.status()).as("while the database restarts: %s", concern).isIn(201, 503);
            Thread.sleep(200);
        } while (concern.status() != 201 && System.nanoTime() < deadline);
        assertThat(concern.status()).as("a command after the database came back").isEqualTo(201);
        Http.localhost(queryPort).as("board").await("/api/partnerships/" + partnership + "/history",
                r -> r.status() == 200 && r.raw().body().contains("ConcernRaised"), Duration.ofSeconds(90));
        assertThat(launcher.isAlive()).isTrue();
        assertThat(output()).contains("PostgreSQL");
    }

    private void awaitOutput(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!output().toLowerCase().contains(text.toLowerCase())) {
            assertThat(System.nanoTime()).as("%s in the launcher output: %s", text, output()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void up(Path data, int db, int commandPort, int queryPort) throws Exception {
        console = Files.createTempFile("ledger-up", ".out");
        launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", HOME.resolve("ledger-cli/target/ledger.jar").toString(), "up",
                "--home", HOME.toString(), "--data-dir", data.toString(), "--db-port", Integer.toString(db),
                "--command-port", Integer.toString(commandPort), "--query-port", Integer.toString(queryPort),
                "--web-port", Integer.toString(webPort))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile()) // a file, not a pipe: the JDK may drop a pipe's tail at exit
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!output().contains("Partnership Ledger is running.")) {
            assertThat(launcher.isAlive()).as("launcher output: %s", output()).isTrue();
            assertThat(System.nanoTime()).as("launcher output: %s", output()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void stop() throws Exception {
        launcher.destroy(); // SIGTERM, as the ledger script sends on Ctrl-C
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("launcher output: %s", output()).isTrue();
    }

    private String output() throws IOException {
        return Files.readString(console);
    }

    /** `ledger status`, `ledger replay` and `ledger export` against the running ledger, and their errors. */
    private void theCommandLineOperatesTheRunningLedger(int queryPort) throws Exception {
        String url = "http://localhost:" + queryPort;
        Cli status = cli("status", "--url", url);
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).contains("event-log", "board-views", "RUNNING");

        Cli replay = cli("replay", "board-views", "--url", url);
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("Rebuilding board-views", "100.0%", "Rebuilt board-views: took over");
        Cli unknown = cli("replay", "no-such-view", "--url", url);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown processor 'no-such-view'. Known:", "board-views");

        Path export = Files.createTempFile("ledger-export", ".ndjson");
        Cli first = cli("export", "events", "--out", export.toString(), "--url", url);
        assertThat(first.exit()).as(first.output()).isZero();
        long lines = Files.readAllLines(export).size();
        assertThat(lines).isPositive();
        Cli again = cli("export", "events", "--out", export.toString(), "--url", url);
        assertThat(again.exit()).isZero();
        assertThat(Files.readAllLines(export)).as("a second export resumes after the last line").hasSize((int) lines);

        Path csv = Files.createTempFile("impact-facts", ".csv");
        assertThat(cli("export", "impact-facts", "--out", csv.toString(), "--url", url).exit()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("impact_id,");

        Cli unreachable = cli("status", "--url", "http://localhost:1");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.output()).contains("Cannot reach the ledger");
        Cli wrongName = cli("export", "bogus", "--out", csv.toString(), "--url", url);
        assertThat(wrongName.exit()).isEqualTo(2);
        assertThat(wrongName.output()).contains("Unknown export 'bogus'");
    }

    private record Cli(int exit, String output) {
    }

    private static Cli cli(String... args) throws Exception {
        Path output = Files.createTempFile("ledger-cli", ".out");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                HOME.resolve("ledger-cli/target/ledger.jar").toString()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(process.exitValue(), Files.readString(output));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
