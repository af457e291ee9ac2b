package org.partnershipledger.query.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.partnershipledger.platform.axon.HistoryReplay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    /**
     * The audit log's processor: one segment whatever {@code ledger.processors.segments} says (one order of leaves),
     * the same batches as the read models, a new log starting from the first event, and a failing event retried
     * rather than logged and skipped (Axon's default error handler would skip it; the read models park theirs).
     */
    @Bean
    ConfigurerModule auditLogProcessor(@Value("${ledger.processors.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(AuditLog.PROCESSOR,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(HistoryReplay::initialToken))
                .registerListenerInvocationErrorHandler(AuditLog.PROCESSOR,
                        config -> PropagatingErrorHandler.instance()));
    }
}
