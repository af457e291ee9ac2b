package org.partnershipledger.query.admin;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.platform.Ticker;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Resumes processors as soon as their store answers again after an outage, instead of when their retry pause ends.
 * A tracking processor that cannot read waits 1, 2, 4 ... up to 60 s between attempts, so after an outage of a
 * minute its read model stayed behind for up to a minute more while the store answered (on Axon Server, 35 s were
 * measured after the command side was UP again). Every second this looks for processors held up by an unavailable
 * store for at least {@code ledger.processors.resume-after} (a short outage is left to the processor's own retry);
 * once the store answers, it restarts them, which starts their next attempt at once. A processor failing for any
 * other reason is left alone: that is the dead letters' business.
 */
@Component
class ProcessorsResume implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsResume.class);

    private final EventProcessingConfiguration processing;
    private final StoreHead storeHead;
    private final Duration resumeAfter;
    /** When each processor was first seen held up by the store, in {@link System#nanoTime()}. */
    private final Map<String, Long> heldUpSince = new ConcurrentHashMap<>();
    private volatile Ticker ticker;

    ProcessorsResume(EventProcessingConfiguration processing, StoreHead storeHead,
                     @Value("${ledger.processors.resume-after:3s}") Duration resumeAfter) {
        this.processing = processing;
        this.storeHead = storeHead;
        this.resumeAfter = resumeAfter;
    }

    void tick() {
        OptionalLong[] storeAnswers = {null}; // asked at most once a tick, and only when a processor is held up
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> look(processor, () -> {
                    if (storeAnswers[0] == null) {
                        storeAnswers[0] = storeHead.newestPosition();
                    }
                    return storeAnswers[0].isPresent();
                }));
    }

    private void look(StreamingEventProcessor processor, BooleanSupplier storeAnswers) {
        boolean heldUp = processor.isRunning() && processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .anyMatch(status -> StoreUnavailable.causedBy(status.getError()));
        if (!heldUp) {
            heldUpSince.remove(processor.getName());
            return;
        }
        long since = heldUpSince.computeIfAbsent(processor.getName(), name -> System.nanoTime());
        if (System.nanoTime() - since < resumeAfter.toNanos() || !storeAnswers.getAsBoolean()) {
            return;
        }
        log.info("The event store answers again: resuming processor {} now rather than after its retry pause",
                processor.getName());
        heldUpSince.remove(processor.getName());
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Processor {} did not stop within 30 s; starting it anyway", processor.getName(), e);
        }
        processor.start();
    }

    @Override
    public void start() {
        ticker = Ticker.start("processors-resume", Duration.ofSeconds(1), Duration.ofSeconds(1), this::tick,
                e -> log.warn("Could not look at the processors", e));
    }

    @Override
    public void stop() {
        Ticker running = ticker;
        ticker = null;
        if (running != null) {
            running.close();
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
