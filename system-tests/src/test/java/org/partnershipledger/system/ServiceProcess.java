package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.partnershipledger.platform.testing.Http;

/** One service run from its built jar as a process of its own, as the launcher runs it, so it can be killed. */
final class ServiceProcess implements AutoCloseable {

    private final String service;
    private final String database;
    private final int port;
    private final List<String> properties;
    private final Path log;
    private Process process;

    ServiceProcess(String service, String database, String... properties) throws IOException {
        this.service = service;
        this.database = database;
        this.port = freePort();
        this.properties = List.of(properties);
        this.log = Files.createTempFile(service, ".log");
    }

    ServiceProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Daxoniq.update-checker.disabled=true", "-XX:+UseSerialGC", "-Xmx384m",
                "-XX:TieredStopAtLevel=1")); // C1 only: a test restarts services often and briefly
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", LauncherIT.HOME.resolve(service + "/target/" + service + "-exec.jar").toString(),
                "--server.port=" + port, "--ledger.db.url=" + database, "--ledger.db.user=postgres",
                "--ledger.db.pool-size=5"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        process = builder.start();
        return this;
    }

    /** Waits until the service answers its health check with 200. */
    ServiceProcess awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            assertThat(process.isAlive()).as("%s died; its log: %s", service, tail()).isTrue();
            try {
                if (Http.localhost(port).statusOf("/actuator/health") == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            assertThat(System.nanoTime()).as("%s healthy in time; its log: %s", service, tail()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** {@code cycles} times: let it work for a moment, kill -9 it, start it again and wait until it is healthy. */
    void killAndRestart(int cycles) throws Exception {
        for (int cycle = 0; cycle < cycles; cycle++) {
            Thread.sleep(1_500);
            kill();
            start().awaitHealthy();
        }
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    int port() {
        return port;
    }

    Http as(String user) {
        return Http.localhost(port).as(user);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
