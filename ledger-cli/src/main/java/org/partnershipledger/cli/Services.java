package org.partnershipledger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The services (command side, query side, the board's web application) as child processes of the launcher. */
final class Services {

    private final Path home;
    private final Path data;
    private final String dbUrl;
    private final boolean embedded;
    private final Map<String, Process> running = new LinkedHashMap<>(); // the latest process of each service
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>(); // each one's own, kept for restarts
    private volatile boolean stopping;

    Services(Path home, Path data, String dbUrl, boolean embedded) {
        this.home = home;
        this.data = data;
        this.dbUrl = dbUrl;
        this.embedded = embedded;
    }

    /** The executable jar a build leaves in {@code <service>/target}. */
    Path jarOf(String service) {
        Path jar = home.resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Not built yet: " + jar + " (run ./mvnw -DskipTests install)");
        }
        return jar;
    }

    /** Starts the service with environment variables of its own (e.g. where the APIs are, for the board's app). */
    synchronized void start(String service, int port, Map<String, String> environment) throws IOException {
        environments.put(service, Map.copyOf(environment));
        start(service, port);
    }

    /** Starts the service, or starts it again: same port, same log (appended to). */
    synchronized void start(String service, int port) throws IOException {
        if (stopping) {
            throw new IllegalStateException("The ledger is stopping");
        }
        Path log = logOf(service);
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Daxoniq.update-checker.disabled=true",
                "-XX:+UseSerialGC", "-Xmx512m", "-jar", jarOf(service).toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("LEDGER_DB_URL", dbUrl);
        if (embedded) {
            env.put("LEDGER_DB_USER", "postgres");
            env.put("LEDGER_DB_PASSWORD", "");
            // the local setup: webhook receivers run beside the ledger, on loopback (docs/api.md); yours wins
            env.putIfAbsent("LEDGER_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        }
        env.put("LEDGER_DATA_DIR", data.toString());
        env.put(portVariable(service), Integer.toString(port));
        env.putAll(environments.getOrDefault(service, Map.of()));
        running.put(service, builder.start());
        System.out.println("Starting " + service + " on port " + port + " (log: " + log + ")");
    }

    /** The service as the supervisor sees it: it dies when its process exits and restarts on the same port. */
    Supervisor.Supervised supervised(String service, int port) {
        return new Supervisor.Supervised() {
            @Override
            public String name() {
                return service;
            }

            @Override
            public String log() {
                return logOf(service).toString();
            }

            @Override
            public String awaitDeath() throws InterruptedException {
                Process process;
                synchronized (Services.this) {
                    process = running.get(service);
                }
                return "exit " + process.waitFor();
            }

            @Override
            public void restart() throws IOException {
                start(service, port);
            }
        };
    }

    private static String portVariable(String service) {
        return switch (service) {
            case "command-side" -> "COMMAND_SIDE_PORT";
            case "query-side" -> "QUERY_SIDE_PORT";
            case "board-web" -> "BOARD_WEB_PORT";
            default -> throw new IllegalArgumentException("No such service: " + service);
        };
    }

    private Path logOf(String service) {
        return data.resolve("logs").resolve(service + ".log");
    }

    void awaitHealthy(List<Integer> ports, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : ports) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            while (true) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (System.nanoTime() > deadline || processes().stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException("The service on port " + port + " did not become healthy; see "
                            + data.resolve("logs"));
                }
                Thread.sleep(500);
            }
        }
    }

    /** True once a stop was asked for; services exiting after that are expected to. */
    boolean stopping() {
        return stopping;
    }

    /** SIGTERM to each (Spring shuts down gracefully), then waits; kills what is left after the timeout. */
    synchronized void stopAll(Duration timeout) {
        stopping = true;
        List<Process> processes = processes();
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private synchronized List<Process> processes() {
        return new ArrayList<>(running.values());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
