package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Integrations")
class StreamController {

    private final StreamHub hub;

    StreamController(StreamHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "Server-sent events: each event has its position as its id and "
            + "a structured CloudEvent as its data; each signed audit checkpoint (ledger.audit.checkpoint.v1) comes "
            + "live, without an id, so Last-Event-ID stays a position; comments keep the connection alive",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @Operation(operationId = "streamEvents",
            summary = "Every event as a CloudEvent over server-sent events: history after the given position "
            + "(none, or -1: from the first event), then live. Resume with Last-Event-ID or ?after=; filter with "
            + "types (a trailing * is a prefix) and partnershipId.")
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) Long after,
                      @RequestParam(required = false) String types,
                      @RequestParam(required = false) String partnershipId) {
        long from = After.streamStart(after, lastEventId);
        List<String> wanted = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return hub.subscribe(from, new StreamSubscriber.Filter(wanted, partnershipId));
    }
}
