package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How every read model's processor is doing: state, position against the head of the store, replay progress. */
@RestController
@RequestMapping(path = "/api/admin/processors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class ProcessorController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    record Processor(String name, String state, int segments, long position, long headPosition, long lag,
                     double replayProgress, boolean caughtUp, String lastError) {
    }

    @GetMapping
    @Operation(summary = "Every processor: RUNNING, REPLAYING, STOPPED or ERROR; position, head, lag, replay progress")
    Map<String, Object> processors() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        List<Processor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(processor -> describe(processor, head)).toList();
        return Map.of("headPosition", head, "processors", processors);
    }

    static Processor describe(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        boolean error = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        String state = !processor.isRunning() ? "STOPPED" : error ? "ERROR" : replaying ? "REPLAYING" : "RUNNING";
        double progress = segments.stream().filter(EventTrackerStatus::isReplaying)
                .mapToDouble(s -> s.getResetPosition().orElse(0) == 0 ? 0
                        : Math.min(1.0, (double) s.getCurrentPosition().orElse(0) / s.getResetPosition().getAsLong()))
                .min().orElse(1.0);
        String lastError = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName() + ": "
                        + s.getError().getMessage())
                .findFirst().orElse(null);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !replaying;
        return new Processor(processor.getName(), state, segments.size(), position, head,
                Math.max(0, head - position), progress, caughtUp, lastError);
    }
}
