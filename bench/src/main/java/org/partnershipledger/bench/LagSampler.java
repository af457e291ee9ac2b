package org.partnershipledger.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.HdrHistogram.Histogram;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * How far behind the head of the event store some processors are while commands run at full speed, without slowing
 * them: every 10 ms it reads the head (one index lookup) and the processors' positions (in memory). A head position
 * first seen at t is recorded as lagging by (the first look at which the processor had passed it) − t, so each value
 * is append → processed for one sampled event, as R4 measures it, to within the 10 ms of the sampling. The same
 * sampler runs whether the audit log is on or off, so both pay for it alike.
 */
final class LagSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 10;

    private final LedgerUnderTest ledger;
    private final Map<String, Histogram> lag = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, Long>> pending = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastHead = -1;

    LagSampler(LedgerUnderTest ledger, List<String> processors) {
        this.ledger = ledger;
        for (String name : processors) {
            lag.put(name, Measured.histogram());
            pending.put(name, new ConcurrentSkipListMap<>());
        }
        thread = new Thread(this::sample, "bench-lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long head = ledger.headPosition();
            long now = System.nanoTime();
            Map<String, StreamingEventProcessor> byName = new LinkedHashMap<>();
            ledger.processors().forEach(p -> byName.put(p.getName(), p));
            for (var entry : pending.entrySet()) {
                StreamingEventProcessor processor = byName.get(entry.getKey());
                if (processor == null) {
                    continue; // the audit log while it is off
                }
                if (head > lastHead) {
                    entry.getValue().putIfAbsent(head, now);
                }
                var passed = entry.getValue().headMap(LedgerUnderTest.position(processor), true);
                Histogram histogram = lag.get(entry.getKey());
                passed.values().forEach(seen -> histogram.recordValue(now - seen));
                passed.clear();
            }
            lastHead = Math.max(lastHead, head);
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The lag of one processor's sampled events, in nanoseconds. */
    Histogram lag(String processor) {
        return lag.get(processor);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
