package org.partnershipledger.platform.axon;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * How the ledger runs Axon: metadata on every event, pooled streaming processors with real batches by default
 * (Axon's default processor handles one event per transaction), a health check on the event store, and the clock.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class LedgerAxonAutoConfiguration {

    @Bean
    CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Event timestamps come from the same injected clock as every other time the ledger reads. */
    @Bean
    SmartInitializingSingleton eventTimestampsFromTheClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    @Bean
    ConfigurerModule pooledStreamingByDefault(@Value("${ledger.processors.batch-size:200}") int batchSize,
                                              @Value("${ledger.processors.segments:1}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors(
                (config, builder) -> builder.batchSize(batchSize)
                        .initialSegmentCount(segments)
                        .maxClaimedSegments(segments)));
    }

    @Bean(name = "eventStoreHealthIndicator")
    EventStoreHealthIndicator eventStoreHealthIndicator(EventStore eventStore,
                                                        @Value("${ledger.health.event-store-timeout:3s}") Duration timeout) {
        return new EventStoreHealthIndicator(eventStore, timeout);
    }
}
