package org.partnershipledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.partnershipledger.platform.postgres.LocalPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole ledger on this machine: the embedded PostgreSQL (unless {@code LEDGER_DB_URL} names another),
 * then the command side, the query side and the board's web application as their own processes. Once all are up, one that dies is restarted
 * (see {@link Supervisor}); one that keeps dying stops the ledger with exit code 1. A service that cannot start
 * the first time is a setup problem and is reported at once. Stops all of them cleanly on Ctrl-C or SIGTERM,
 * services first, database last.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run the whole ledger until interrupted.")
class UpCommand implements Callable<Integer> {

    @Option(names = "--home", description = "The ledger's folder (where command-side/ and query-side/ are).",
            defaultValue = "${sys:ledger.home:-.}")
    Path home;

    @Option(names = "--data-dir", description = "Where data and logs are kept (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:LEDGER_DATA_DIR:-data}")
    Path dataDir;

    @Option(names = "--db-port", description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:LEDGER_EMBEDDED_PORT:-54329}")
    int dbPort;

    @Option(names = "--command-port", defaultValue = "${env:COMMAND_SIDE_PORT:-8080}",
            description = "Port of the command API (default: ${DEFAULT-VALUE}).")
    int commandPort;

    @Option(names = "--query-port", defaultValue = "${env:QUERY_SIDE_PORT:-8081}",
            description = "Port of the query API (default: ${DEFAULT-VALUE}).")
    int queryPort;

    @Option(names = "--web-port", defaultValue = "${env:BOARD_WEB_PORT:-8082}",
            description = "Port of the board's web application (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Override
    public Integer call() throws Exception {
        Path data = home.resolve(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(data.resolve("logs"));
        String externalUrl = System.getenv().getOrDefault("LEDGER_DB_URL", "");
        LocalPostgres postgres = null;
        if (externalUrl.isBlank()) {
            postgres = LocalPostgres.startOrJoin(data.resolve("postgres"), dbPort);
            postgres.awaitReady(60_000);
        }
        String dbUrl = postgres != null ? postgres.jdbcUrl() : externalUrl;
        Services services = new Services(home.toAbsolutePath().normalize(), data, dbUrl, postgres != null);
        EmbeddedDatabase database = postgres != null ? new EmbeddedDatabase(postgres, data.resolve("postgres")) : null;
        Supervisor supervisor = new Supervisor(RestartPolicy::standard, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the ledger ...");
            supervisor.stop();
            services.stopAll(Duration.ofSeconds(30));
            if (database != null) {
                database.close();
            }
            System.out.println("Stopped. Data is kept in " + data);
        }, "ledger-shutdown"));

        services.start("command-side", commandPort);
        services.start("query-side", queryPort);
        services.start("board-web", webPort, java.util.Map.of(
                "LEDGER_QUERY_URL", "http://localhost:" + queryPort,
                "LEDGER_COMMAND_URL", "http://localhost:" + commandPort));
        services.awaitHealthy(List.of(commandPort, queryPort, webPort), Duration.ofMinutes(3));
        printWhereThingsAre(data, dbUrl, postgres != null);
        supervisor.watch(services.supervised("command-side", commandPort));
        supervisor.watch(services.supervised("query-side", queryPort));
        supervisor.watch(services.supervised("board-web", webPort));
        if (postgres != null && postgres.startedHere()) {
            supervisor.watch(database);
        }
        String reason = supervisor.gaveUp().get();
        if (services.stopping()) {
            Thread.currentThread().join(); // the shutdown hook finishes the job and ends the JVM
        }
        System.err.println(reason);
        return 1;
    }

    private void printWhereThingsAre(Path data, String dbUrl, boolean embedded) {
        System.out.printf("""

                Partnership Ledger is running.
                  Board app     http://localhost:%6$d             (sign in with a demo user below)
                  Command API   http://localhost:%1$d/api        (OpenAPI UI: http://localhost:%1$d/swagger-ui.html)
                  Query API     http://localhost:%2$d/api        (OpenAPI UI: http://localhost:%2$d/swagger-ui.html)
                  Health        http://localhost:%1$d/actuator/health   http://localhost:%2$d/actuator/health
                  Metrics       http://localhost:%1$d/actuator/prometheus   http://localhost:%2$d/actuator/prometheus
                  PostgreSQL    %3$s%4$s
                  Logs          %5$s

                Try:
                  curl -s -u manager:manager-demo -X POST localhost:%1$d/api/partnerships \\
                       -H 'Content-Type: application/json' \\
                       -d '{"name":"Field sales academy","client":"Acme Retail","reason":"Sales onboarding takes too long"}'

                  curl -s -u board:board-demo localhost:%2$d/api/partnerships/<partnershipId>/history

                Demo users (embedded default): manager, board, analyst, integration, admin, partner;
                password <name>-demo.

                Press Ctrl-C to stop (data is kept).
                %n""", commandPort, queryPort, dbUrl, embedded ? " (embedded, data in " + data.resolve("postgres") + ")" : "",
                data.resolve("logs"), webPort);
    }
}
