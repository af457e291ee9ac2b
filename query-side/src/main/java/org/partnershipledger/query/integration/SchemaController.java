package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.history.EventTypes;
import org.partnershipledger.query.http.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/schemas", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrations")
class SchemaController {

    private final EventTypes types;
    private final RetiredSchemas retired;
    private final CloudEventEnvelope envelope;

    SchemaController(EventTypes types, RetiredSchemas retired, CloudEventEnvelope envelope) {
        this.types = types;
        this.retired = retired;
        this.envelope = envelope;
    }

    record EventTypeLine(String type, String event, String revision, String dataschema) {
    }

    record EventTypeList(List<EventTypeLine> types) {
    }

    /** The one type that is not an event of the log: a signed checkpoint of the audit log (docs/audit.md §3). */
    static final String CHECKPOINT_EVENT = "CheckpointSigned";

    @GetMapping
    @Operation(operationId = "listEventTypes",
            summary = "Every CloudEvents type the ledger emits, with the URL of its data's JSON Schema, and the "
                    + "retired versions of those types (an event's earlier revisions), whose schemas stay served")
    EventTypeList list() {
        List<EventTypeLine> lines = new ArrayList<>(types.all().stream().map(t -> new EventTypeLine(
                t.cloudEventType(), t.simpleName(), t.revision(), envelope.schemaUrl(t.cloudEventType()))).toList());
        retired.all().forEach(r -> lines.add(new EventTypeLine(r.type(), r.event(), r.revision(),
                envelope.schemaUrl(r.type()))));
        lines.sort(Comparator.comparing(EventTypeLine::type));
        lines.add(new EventTypeLine(CloudEventEnvelope.CHECKPOINT_TYPE, CHECKPOINT_EVENT, "1",
                envelope.schemaUrl(CloudEventEnvelope.CHECKPOINT_TYPE)));
        return new EventTypeList(lines);
    }

    @GetMapping("/{type}")
    @Operation(operationId = "getEventSchema",
            summary = "The JSON Schema of one type's data, generated from the event record")
    @Rejects(ProblemCode.UNKNOWN_EVENT_TYPE)
    Map<String, Object> schema(@PathVariable String type) {
        if (CloudEventEnvelope.CHECKPOINT_TYPE.equals(type)) {
            Map<String, Object> schema = JsonSchemas.of(type, CHECKPOINT_EVENT, CheckpointData.class,
                    envelope.schemaUrl(""));
            schema.put("required", List.of("origin", "treeSize", "rootHash", "note", "signedAt"));
            return schema;
        }
        return types.byCloudEventType(type).map(t -> JsonSchemas.of(t, envelope.schemaUrl("")))
                .or(() -> retired.byType(type).map(r -> JsonSchemas.retired(r,
                        types.bySimpleName(r.event()).map(EventTypes.EventType::cloudEventType).orElse("-"),
                        envelope.schemaUrl(""))))
                .orElseThrow(() -> new NotFound(ProblemCode.UNKNOWN_EVENT_TYPE, "No such event type: " + type));
    }
}
