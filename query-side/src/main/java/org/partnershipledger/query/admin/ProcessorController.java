package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.Conflict;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.readmodel.Rebuilds;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 *
 * <p>Every position here is an event's own position, as in the stream and {@code after}: {@code -1} means before
 * the first event (a processor that has handled nothing, an empty store). The head is the newest event's position,
 * so the lag is the number of events a processor has still to reach (exact on Axon Server, whose positions have no
 * gaps). The processors' side of it lives in this service, so the status answers while the event store does not,
 * with the head, the lag and "caught up" unknown.
 */
@RestController
@RequestMapping(path = "/api/admin/processors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin")
class ProcessorController {

    private final EventProcessingConfiguration processing;
    private final StoreHead store;
    private final Rebuilds rebuilds;

    private final JdbcClient jdbc;

    private final Serializer serializer;

    ProcessorController(EventProcessingConfiguration processing, StoreHead store, Rebuilds rebuilds, JdbcClient jdbc,
                        Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.store = store;
        this.rebuilds = rebuilds;
    }

    /**
     * One processor. While its read model is rebuilt, state is REPLAYING and replayProgress is the rebuild's, the
     * live read model still answering; position and lag are the live processor's.
     */
    record Processor(String name, String state, int segments,
                     @Schema(description = "The position of the last event it reached; -1 before its first")
                     long position,
                     @Schema(nullable = true, description = HEAD) Long headPosition,
                     @Schema(nullable = true, description = "Events still to reach; null while the head is unknown")
                     Long lag,
                     double replayProgress,
                     @Schema(description = "True only when it has reached the head and is not replaying")
                     boolean caughtUp,
                     String lastError, Rebuild rebuild) {
    }

    /** The latest rebuild: running until completedAt is set; position is the rebuild's while it runs. */
    record Rebuild(String requestedBy, Instant requestedAt, Instant completedAt, Long position, Double progress) {
    }

    record Processors(@Schema(nullable = true, description = HEAD) Long headPosition, List<Processor> processors) {
    }

    static final long BEFORE_FIRST = -1;
    static final String HEAD = "The newest event's position (-1: none); null while the event store does not answer";

    @GetMapping
    @Operation(operationId = "listProcessors",
            summary = "Every processor: RUNNING, REPLAYING, STOPPED or ERROR; position, head, lag, replay progress")
    Processors processors() {
        return described(name -> true);
    }

    /** The streaming processors whose names {@code which} accepts, described against one reading of the head. */
    private Processors described(java.util.function.Predicate<String> which) {
        Long head = head();
        List<Processor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> which.test(processor.getName()))
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

    @PostMapping("/replay")
    @Operation(operationId = "replayEveryReadModel", summary = "Rebuild every read model from the whole history at "
            + "once, with no downtime, each as its own rebuild would (202; one already running carries on); the "
            + "read model of the most projections starts first and takes the segments, and each takes over when it "
            + "has caught up")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Processors> replayEvery(@Parameter(hidden = true) Authentication caller) {
        rebuilds.startEvery(caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/admin/processors"))
                .body(described(rebuilds::isReadModel));
    }

    /**
     * The lowest position of the processor's stored tokens, as its own segments would say (-1 before any): its
     * progress for the lag, which is what a token's position means; never taken as any one event's position.
     */
    private long storedPosition(String name) {
        return jdbc.sql("SELECT token, token_type FROM query_side.token_entry WHERE processor_name = ?").param(name)
                .query((rs, row) -> rs.getBytes(1) == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)))
                .list().stream()
                .mapToLong(token -> token == null ? BEFORE_FIRST : token.position().orElse(BEFORE_FIRST))
                .min().orElse(BEFORE_FIRST);
    }

    private StreamingEventProcessor streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound(ProblemCode.PROCESSOR_NOT_FOUND, "No processor called " + name));
    }

    private Long head() {
        OptionalLong head = store.newestPosition();
        return head.isPresent() ? head.getAsLong() : null;
    }

    /**
     * The rebuild is looked at before the live processor: a take-over stops the live processor for a moment and
     * records the rebuild complete only once it runs again, so an answer that says complete says neither stopped
     * nor replaying (a rebuild asked for later is recorded as not complete before it runs).
     */
    private Processor describe(StreamingEventProcessor processor, Long head) {
        Optional<StreamingEventProcessor> running = rebuilds.rebuilding(processor.getName());
        Optional<Rebuilds.Rebuild> latest = rebuilds.latest(processor.getName());
        Optional<StreamingEventProcessor> rebuilding =
                latest.map(Rebuilds.Rebuild::completedAt).isPresent() ? Optional.empty() : running;
        Processor live = describe(processor, head, null);
        if (live.segments() == 0 && processor.isRunning()) {
            // another query-side node holds the processor's segments: its read model's position is in the database
            long position = storedPosition(processor.getName());
            Long lag = head == null ? null : Math.max(0, head - position);
            live = new Processor(live.name(), live.state(), 0, position, head, lag, 1.0, lag != null && lag == 0,
                    null, null);
        }
        Rebuild rebuild = latest.map(stored -> {
            Processor copy = rebuilding.map(p -> describe(p, head, null)).orElse(null);
            return new Rebuild(stored.requestedBy(), stored.requestedAt(), stored.completedAt(),
                    copy == null ? null : copy.position(), copy == null ? null : progress(copy));
        }).orElse(null);
        if (rebuilding.isEmpty() || live.state().equals("STOPPED") || live.state().equals("ERROR")) {
            return new Processor(live.name(), live.state(), live.segments(), live.position(), head, live.lag(),
                    live.replayProgress(), live.caughtUp(), live.lastError(), rebuild);
        }
        return new Processor(live.name(), "REPLAYING", live.segments(), live.position(), head, live.lag(),
                rebuild.progress() == null ? 0 : rebuild.progress(), false, live.lastError(), rebuild);
    }

    /** How far a rebuild is toward the head of the store (it replays until it takes over); null if unknown. */
    private static Double progress(Processor copy) {
        return copy.headPosition() == null ? null : reached(copy.position(), copy.headPosition());
    }

    /** The share of the events up to {@code target} that {@code position} has reached (positions from -1). */
    static double reached(long position, long target) {
        return target < 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (position + 1.0) / (target + 1.0)));
    }

    static Processor describe(StreamingEventProcessor processor, Long head, Rebuild rebuild) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(BEFORE_FIRST)).min()
                .orElse(BEFORE_FIRST);
        boolean error = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        String state = !processor.isRunning() ? "STOPPED" : error ? "ERROR" : replaying ? "REPLAYING" : "RUNNING";
        double progress = segments.stream().filter(EventTrackerStatus::isReplaying)
                .mapToDouble(s -> s.getResetPosition().isEmpty() ? 0
                        : reached(s.getCurrentPosition().orElse(BEFORE_FIRST), s.getResetPosition().getAsLong()))
                .min().orElse(1.0);
        String lastError = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName() + ": "
                        + s.getError().getMessage())
                .findFirst().orElse(null);
        Long lag = head == null ? null : Math.max(0, head - position);
        // Axon's own flag says only that its reader found nothing more to read: on Axon Server, with event types
        // block-listed, that was also true with events left behind; so the head must agree
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !replaying && lag != null && lag == 0;
        return new Processor(processor.getName(), state, segments.size(), position, head, lag, progress, caughtUp,
                lastError, rebuild);
    }
}
