package org.partnershipledger.query.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.platform.Ticker;
import org.partnershipledger.query.cluster.Lease;
import org.partnershipledger.query.cluster.NodeName;
import org.partnershipledger.query.readmodel.Rebuilds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Splits the processors between the query-side nodes that are up, instead of leaving them all with the node that
 * started first. Each node says it is up with a lease of its own ({@code node:<name>} in
 * {@code query_side.node_lease}, renewed every tick). The processors, sorted by name, have a home each: the nodes
 * up, sorted by name, in turn. A node that holds a processor whose home is another node that is up releases it,
 * once it has caught up and is not failing, and Axon's token claim hands it to the home node within its claim
 * interval (5 s). A node that dies stops renewing; once its lease has expired its processors have no home there,
 * and the other nodes claim them as before (Axon's claim timeout, 10 s). Each processor has one segment and moves
 * whole, so a read model is still written by one node at a time, in the order of the events.
 */
@Component
class ProcessorBalance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalance.class);
    static final String PREFIX = "node:";

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final NodeName node;
    private final Lease up;
    private final Duration every;
    /** When each processor was last released here, in {@link System#nanoTime()}: at most once per two minutes. */
    private final Map<String, Long> released = new ConcurrentHashMap<>();
    private volatile Ticker ticker;

    ProcessorBalance(EventProcessingConfiguration processing, JdbcClient jdbc, NodeName node,
                     @Value("${ledger.node.balance-every:5s}") Duration every) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node;
        this.every = every;
        this.up = new Lease(jdbc, PREFIX + node.value(), node.value(), every.multipliedBy(3));
    }

    void tick() {
        up.acquire();
        List<String> nodes = jdbc.sql("""
                        SELECT owner FROM query_side.node_lease
                        WHERE name LIKE ? AND expires_at > clock_timestamp() ORDER BY owner""")
                .param(PREFIX + "%").query(String.class).list();
        if (nodes.size() < 2 || !nodes.contains(node.value())) {
            return;
        }
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> !processor.getName().endsWith(Rebuilds.SUFFIX))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
        for (int i = 0; i < processors.size(); i++) {
            String home = nodes.get(i % nodes.size());
            StreamingEventProcessor processor = processors.get(i);
            if (!home.equals(node.value()) && movable(processor)) {
                log.info("Processor {} goes to node {}, its home while that node is up", processor.getName(), home);
                released.put(processor.getName(), System.nanoTime());
                processor.releaseSegment(0, every.multipliedBy(6).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Held here, caught up, not failing, and not released in the last two minutes. */
    private boolean movable(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long last = released.get(processor.getName());
        return processor.isRunning() && segments.containsKey(0)
                && segments.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState() && !s.isReplaying())
                && (last == null || System.nanoTime() - last > TimeUnit.MINUTES.toNanos(2));
    }

    @Override
    public void start() {
        ticker = Ticker.start("processor-balance", Duration.ZERO, every, this::tick,
                e -> log.warn("Could not balance the processors between the nodes", e));
    }

    @Override
    public void stop() {
        Ticker running = ticker;
        ticker = null;
        if (running != null) {
            running.close();
            try {
                up.release(); // the other nodes need not wait for this one's lease to expire
            } catch (RuntimeException e) {
                log.debug("Could not give up the node's lease", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** Started after the processors, stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
