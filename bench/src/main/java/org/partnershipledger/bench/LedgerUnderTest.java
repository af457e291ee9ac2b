package org.partnershipledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.command.CommandSideApplication;
import org.partnershipledger.query.QuerySideApplication;
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
    final ConfigurableApplicationContext querySide;

    LedgerUnderTest(BenchDatabase db) {
        commandSide = run(CommandSideApplication.builder(), db);
        querySide = run(QuerySideApplication.builder(), db);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, BenchDatabase db) {
        // the port as an argument: each service's yml sets server.port, which outranks the builder's properties
        return builder.properties("ledger.db.url=" + db.url, "ledger.db.user=" + db.user,
                "ledger.db.password=" + db.password, "ledger.db.pool-size=20", "logging.level.root=WARN",
                "spring.main.banner-mode=off").run("--server.port=0");
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

    void stopProcessors() {
        processors().forEach(StreamingEventProcessor::shutDown);
    }

    /** Resets every query processor to the beginning and starts them: a full replay of every read model. */
    void replayAll() {
        for (StreamingEventProcessor processor : processors()) {
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
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Double> caughtUp = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            for (StreamingEventProcessor processor : processors()) {
                var status = processor.processingStatus().values();
                if (!caughtUp.containsKey(processor.getName()) && !status.isEmpty()
                        && status.stream().allMatch(segment -> segment.isCaughtUp() && !segment.isReplaying()
                        && segment.getCurrentPosition().orElse(0) >= head)) {
                    caughtUp.put(processor.getName(), (System.nanoTime() - since) / 1e9);
                }
            }
            if (caughtUp.size() == processors().size()) {
                return caughtUp;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Query processors did not catch up with position " + head + " in " + timeout
                + ": " + processors().stream().map(p -> p.getName() + "=" + p.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition).toList()).toList());
    }

    @Override
    public void close() {
        commandSide.close();
        querySide.close();
    }
}
