package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.Conflict;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.readmodel.Rebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * How every read model's processor is doing (state, position against the head of the store, replay progress), and
 * rebuilds of a read model with no downtime ({@link Rebuilds}).
 */
@RestController
@RequestMapping(path = "/api/admin/processors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class ProcessorController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Rebuilds rebuilds;

    ProcessorController(EventProcessingConfiguration processing, EventStore eventStore, Rebuilds rebuilds) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuilds = rebuilds;
    }

    /**
     * One processor. While its read model is rebuilt, state is REPLAYING and replayProgress is the rebuild's, the
     * live read model still answering; position and lag are the live processor's.
     */
    record Processor(String name, String state, int segments, long position, long headPosition, long lag,
                     double replayProgress, boolean caughtUp, String lastError, Rebuild rebuild) {
    }

    /** The latest rebuild: running until completedAt is set; position is the rebuild's while it runs. */
    record Rebuild(String requestedBy, Instant requestedAt, Instant completedAt, Long position, Double progress) {
    }

    record Processors(long headPosition, List<Processor> processors) {
    }

    @GetMapping
    @Operation(operationId = "listProcessors",
            summary = "Every processor: RUNNING, REPLAYING, STOPPED or ERROR; position, head, lag, replay progress")
    Processors processors() {
        long head = head();
        List<Processor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(processor -> describe(processor, head)).toList();
        return new Processors(head, processors);
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getProcessor", summary = "One processor, with its latest rebuild")
    @Rejects(ProblemCode.PROCESSOR_NOT_FOUND)
    Processor processor(@PathVariable String name) {
        return describe(streaming(name), head());
    }

    @PostMapping("/{name}/replay")
    @Operation(operationId = "replayProcessor", summary = "Rebuild the processor's read model from the whole history, "
            + "with no downtime: the current read model keeps answering until the rebuilt one has caught up and takes "
            + "over (202; a rebuild already running carries on)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Rejects({ProblemCode.PROCESSOR_NOT_FOUND, ProblemCode.PROCESSOR_NOT_REBUILDABLE})
    ResponseEntity<Processor> replay(@PathVariable String name, @Parameter(hidden = true) Authentication caller) {
        StreamingEventProcessor processor = streaming(name);
        if (!rebuilds.isReadModel(name)) {
            throw new Conflict(ProblemCode.PROCESSOR_NOT_REBUILDABLE, name + " is no read model: it is never "
                    + "rebuilt (the audit log is append-only; a replay would log every event twice)");
        }
        rebuilds.start(name, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/admin/processors/" + name))
                .body(describe(processor, head()));
    }

    private StreamingEventProcessor streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound(ProblemCode.PROCESSOR_NOT_FOUND, "No processor called " + name));
    }

    private long head() {
        TrackingToken headToken = eventStore.createHeadToken();
        return headToken == null ? 0 : headToken.position().orElse(0);
    }

    private Processor describe(StreamingEventProcessor processor, long head) {
        Processor live = describe(processor, head, null);
        Optional<StreamingEventProcessor> rebuilding = rebuilds.rebuilding(processor.getName());
        Rebuild rebuild = rebuilds.latest(processor.getName()).map(latest -> {
            Processor copy = rebuilding.map(p -> describe(p, head, null)).orElse(null);
            return new Rebuild(latest.requestedBy(), latest.requestedAt(), latest.completedAt(),
                    copy == null ? null : copy.position(), copy == null ? null : progress(copy));
        }).orElse(null);
        if (rebuilding.isEmpty() || live.state().equals("STOPPED") || live.state().equals("ERROR")) {
            return new Processor(live.name(), live.state(), live.segments(), live.position(), head, live.lag(),
                    live.replayProgress(), live.caughtUp(), live.lastError(), rebuild);
        }
        return new Processor(live.name(), "REPLAYING", live.segments(), live.position(), head, live.lag(),
                rebuild.progress(), false, live.lastError(), rebuild);
    }

    /** How far a rebuild is toward the head of the store (it replays until it takes over). */
    private static double progress(Processor copy) {
        return copy.headPosition() == 0 ? 1.0 : Math.min(1.0, (double) copy.position() / copy.headPosition());
    }

    static Processor describe(StreamingEventProcessor processor, long head, Rebuild rebuild) {
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
                Math.max(0, head - position), progress, caughtUp, lastError, rebuild);
    }
}
