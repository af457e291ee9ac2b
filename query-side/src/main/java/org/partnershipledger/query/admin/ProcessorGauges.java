package org.partnershipledger.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.query.readmodel.DeadLetters;
import org.partnershipledger.query.readmodel.Rebuilds;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every processor's state as Prometheus gauges, read when scraped: {@code ledger_processor_position},
 * {@code ledger_processor_lag_events}, {@code ledger_processor_replaying} (1 or 0) and
 * {@code ledger_processor_dead_letters}, each tagged with the processor. They replace Axon's per-message monitors,
 * which cost about a tenth of a replay here (a timer looked up, and a double registration warned about, for every
 * event in every processor).
 */
@Component
class ProcessorGauges {

    private final EventProcessingConfiguration processing;
    private final StoreHead store;
    private final DeadLetters deadLetters;
    private final Rebuilds rebuilds;
    private final MeterRegistry registry;

    ProcessorGauges(EventProcessingConfiguration processing, StoreHead store, DeadLetters deadLetters,
                    Rebuilds rebuilds, MeterRegistry registry) {
        this.processing = processing;
        this.store = store;
        this.deadLetters = deadLetters;
        this.rebuilds = rebuilds;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).forEach(processor -> {
                    gauge("ledger.processor.position", "Global position the processor has reached", processor,
                            p -> ProcessorController.describe(p, null, null).position());
                    gauge("ledger.processor.lag.events", "Events between the processor and the head of the store",
                            processor, this::lag);
                    gauge("ledger.processor.replaying", "1 while the processor replays or its read model is rebuilt",
                            processor, p -> ProcessorController.describe(p, null, null).state().equals("REPLAYING")
                                    || rebuilds.rebuilding(p.getName()).isPresent() ? 1 : 0);
                    gauge("ledger.processor.dead.letters", "Events parked in the dead-letter queue", processor,
                            p -> deadLetters.count(p.getName()));
                });
    }

    private void gauge(String name, String description, StreamingEventProcessor processor,
                       ToDoubleFunction<StreamingEventProcessor> value) {
        Gauge.builder(name, processor, value).description(description).tag("processor", processor.getName())
                .register(registry);
    }

    /** Only the lag needs the head of the store (one query per processor per scrape); NaN while it is unknown. */
    private double lag(StreamingEventProcessor processor) {
        Long lag = store.newestPosition().stream().boxed().findFirst()
                .map(head -> ProcessorController.describe(processor, head, null).lag()).orElse(null);
        return lag == null ? Double.NaN : lag;
    }
}
