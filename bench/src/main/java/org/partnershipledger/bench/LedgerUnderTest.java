package org.partnershipledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.command.CommandSideApplication;
import org.partnershipledger.query.QuerySideApplication;
import org.partnershipledger.query.audit.AuditLog;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Both services of the ledger, in this JVM, on the benchmark's database, as they run in production. */
final class LedgerUnderTest implements AutoCloseable {

    final ConfigurableApplicationContext commandSide;
    /** Replaced when the query side is restarted with the audit log switched on or off. */
    ConfigurableApplicationContext querySide;
    private final BenchDatabase db;
    /**
     * A data directory of the bench's own, for the keys the services generate on first start (the audit log's
     * signing key, the webhooks' secret key): the default is ./data, the embedded ledger's, whose keys the bench must
     * neither use nor create.
     */
    private final Path dataDir;

    LedgerUnderTest(BenchDatabase db) {
        this.db = db;
        try {
            dataDir = Files.createTempDirectory("ledger-bench-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commandSide = run(CommandSideApplication.builder(), db, dataDir);
        querySide = run(QuerySideApplication.builder(), db, dataDir);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, BenchDatabase db,
                                                      Path dataDir, String... args) {
        // the port as an argument: each service's yml sets server.port, which outranks the builder's properties
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return builder.properties("ledger.db.url=" + db.url, "ledger.db.user=" + db.user,
                "ledger.db.password=" + db.password, "ledger.db.pool-size=20", "logging.level.root=WARN",
                "spring.main.banner-mode=off", "ledger.db.data-dir=" + dataDir)
                .run(all);
    }

    /**
     * Stops the query side and starts it again with the audit log on or off ({@code ledger.audit.enabled}: off means
     * no audit-log processor and no checkpoint schedule). The command side keeps running; the read models resume
     * from their tokens, and the audit log, when on again, logs what it missed from its own.
     */
    void restartQuerySide(boolean auditEnabled) {
        querySide.close();
        querySide = run(QuerySideApplication.builder(), db, dataDir, "--ledger.audit.enabled=" + auditEnabled);
    }

    int queryPort() {
        return ((WebServerApplicationContext) querySide).getWebServer().getPort();
    }

    CommandGateway gateway() {
        return commandSide.getBean(CommandGateway.class);
    }

    int commandPort() {
        return ((WebServerApplicationContext) commandSide).getWebServer().getPort();
    }

    JdbcClient jdbc() {
        return commandSide.getBean(JdbcClient.class);
    }

    /** Commands sent from this thread are sent as a manager would send them. */
    static void actAsManager() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-manager", null, List.of(new SimpleGrantedAuthority("ROLE_MANAGER"))));
    }

    List<StreamingEventProcessor> processors() {
        return querySide.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    /** The read models' processors: every query processor but the audit log's, which is never replayed. */
    List<StreamingEventProcessor> readModelProcessors() {
        return processors().stream().filter(p -> !p.getName().equals(AuditLog.PROCESSOR)).toList();
    }

    /** The audit log's processor, absent while the query side runs with the audit log off. */
    java.util.Optional<StreamingEventProcessor> auditLogProcessor() {
        return processors().stream().filter(p -> p.getName().equals(AuditLog.PROCESSOR)).findFirst();
    }

    /** Where a processor is in the event stream (the lowest of its segments), or -1 before it has a position. */
    static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    void stopProcessors() {
        processors().forEach(StreamingEventProcessor::shutDown);
    }

    /**
     * Resets every read model's processor to the beginning and starts them: a full replay of every read model. The
     * audit log is append-only and refuses a reset (its reset handler throws); it is left as it is.
     */
    void replayAll() {
        for (StreamingEventProcessor processor : readModelProcessors()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    void startProcessors() {
        processors().forEach(StreamingEventProcessor::start);
    }

    long headPosition() {
        return jdbc().sql("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
                .query(Long.class).single();
    }

    /** Waits until every query processor has caught up with {@code head}. */
    void awaitCaughtUp(long head, Duration timeout) throws InterruptedException {
        awaitEachCaughtUp(head, timeout, System.nanoTime());
    }

    /**
     * Waits until every query processor has caught up with {@code head}; returns, per processor, the seconds from
     * {@code since} (a {@link System#nanoTime()}) until it had.
     */
    Map<String, Double> awaitEachCaughtUp(long head, Duration timeout, long since) throws InterruptedException {
        return awaitEachCaughtUp(head, timeout, since, this::processors);
    }

    /** The same, for the processors {@code which} answers (asked again on every look, as a restart replaces them). */
    Map<String, Double> awaitEachCaughtUp(long head, Duration timeout, long since,
                                          java.util.function.Supplier<List<StreamingEventProcessor>> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Double> caughtUp = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            for (StreamingEventProcessor processor : which.get()) {
                var status = processor.processingStatus().values();
                // not "not replaying": a replay token stays one until an event after the position it was reset
                // at, so a processor reset at the head would replay to it and still say it replays
                if (!caughtUp.containsKey(processor.getName()) && !status.isEmpty()
                        && status.stream().allMatch(segment -> segment.isCaughtUp()
                        && segment.getCurrentPosition().orElse(0) >= head)) {
                    caughtUp.put(processor.getName(), (System.nanoTime() - since) / 1e9);
                }
            }
            if (caughtUp.size() == which.get().size()) {
                return caughtUp;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Query processors did not catch up with position " + head + " in " + timeout
                + ": " + which.get().stream().map(p -> p.getName() + "=" + p.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition).toList()).toList());
    }

    @Override
    public void close() {
        commandSide.close();
        querySide.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
