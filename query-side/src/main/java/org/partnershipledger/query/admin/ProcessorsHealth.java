package org.partnershipledger.query.admin;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN while a processor is held up because its store did not answer, until it has read again. The store's own
 * indicator turns UP as soon as it answers a question, while processors still wait out their retry pause (1, 2, 4
 * ... 60 s) or have not opened their stream again (on Axon Server, several seconds): the service is not ready
 * until they resume. A processor failing for any other reason is shown by {@code ledger status}, not here.
 */
@Component("processorsHealthIndicator")
class ProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    ProcessorsHealth(EventProcessingConfiguration processing) {
        super("The processors' status could not be read");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> waiting = new TreeMap<>();
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> processor.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .filter(status -> StoreUnavailable.causedBy(status.getError()))
                        .findFirst()
                        .ifPresent(status -> waiting.put(processor.getName(), String.valueOf(status.getError()))));
        if (waiting.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("waitingForTheStore", waiting);
        }
    }
}
