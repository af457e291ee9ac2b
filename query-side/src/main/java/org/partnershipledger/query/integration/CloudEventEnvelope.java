package org.partnershipledger.query.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.partnershipledger.query.history.EventTypes;
import org.partnershipledger.query.history.LoggedEvent;
import org.springframework.stereotype.Component;

/**
 * How every event leaves the ledger: a CloudEvents 1.0 JSON object (structured mode), built with the CloudEvents
 * SDK. Extensions carry who and why ({@code actor}, {@code reason}), where it belongs ({@code partnershipid}),
 * its order ({@code sequence}, {@code position}) and its request ({@code correlationid}, {@code causationid}).
 *
 * <p>Signed checkpoints of the audit log leave the same way, as {@value #CHECKPOINT_TYPE} with {@link CheckpointData}
 * as data: same source, no {@code position} (a checkpoint is not an event of the log, and has no place in its order).
 */
@Component
public class CloudEventEnvelope {

    public static final URI SOURCE = URI.create("/partnership-ledger");
    /** The CloudEvents type of a signed checkpoint of the audit log. */
    public static final String CHECKPOINT_TYPE = "ledger.audit.checkpoint.v1";
    private static final ObjectMapper DATA = new ObjectMapper();
    private static final EventFormat JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final EventTypes types;
    private final PublicUrl publicUrl;

    CloudEventEnvelope(EventTypes types, PublicUrl publicUrl) {
        this.types = types;
        this.publicUrl = publicUrl;
    }

    /**
     * Where the JSON Schema of a type's data is served, as seen by whoever this is for: the request being answered,
     * or, with none (webhooks), the configured or the service's own address ({@link PublicUrl}).
     */
    public String schemaUrl(String type) {
        return schemaUrl(publicUrl.current(), type);
    }

    /** The base URL for what the current request is sent; capture it before answering on another thread. */
    String base() {
        return publicUrl.current();
    }

    private static String schemaUrl(String base, String type) {
        return base + "/api/schemas/" + type;
    }

    public String typeOf(LoggedEvent event) {
        return types.bySimpleName(event.type()).map(EventTypes.EventType::cloudEventType)
                .orElse("ledger." + event.aggregateType().toLowerCase() + "." + EventTypes.kebab(event.type()) + ".v1");
    }

    public CloudEvent of(LoggedEvent event) {
        return of(event, base());
    }

    CloudEvent of(LoggedEvent event, String base) {
        String type = typeOf(event);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(SOURCE)
                .withType(type)
                .withSubject(event.aggregateId())
                .withTime(event.timestamp().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(schemaUrl(base, type)))
                .withData("application/json", event.payload().toString().getBytes(StandardCharsets.UTF_8))
                .withExtension("sequence", event.sequence())
                .withExtension("position", event.position());
        extension(builder, "actor", event.actor());
        extension(builder, "reason", event.reason());
        extension(builder, "partnershipid", event.partnershipId());
        extension(builder, "correlationid", event.correlationId());
        extension(builder, "causationid", event.causationId());
        return builder.build();
    }

    /** The event as one line of CloudEvents JSON. */
    public String json(LoggedEvent event) {
        return json(event, base());
    }

    /** The event as one line of CloudEvents JSON, its {@code dataschema} under {@code base}. */
    String json(LoggedEvent event, String base) {
        return new String(JSON.serialize(of(event, base)), StandardCharsets.UTF_8);
    }

    /**
     * A signed checkpoint: {@code id} is {@code checkpoint-<tree size>-<first 8 bytes of the root, hex>}, so that a
     * receiver de-duplicating by id drops a redelivery but never a different root signed for the same size (which is
     * what a witness is there to notice); {@code subject} is the log's origin, {@code time} when it was signed.
     */
    CloudEvent of(CheckpointData checkpoint) {
        return of(checkpoint, base());
    }

    CloudEvent of(CheckpointData checkpoint, String base) {
        ObjectNode data = DATA.createObjectNode()
                .put("origin", checkpoint.origin())
                .put("treeSize", checkpoint.treeSize())
                .put("rootHash", checkpoint.rootHash())
                .put("note", checkpoint.note())
                .put("signedAt", checkpoint.signedAt().toString());
        if (checkpoint.publicKeyFingerprint() != null) {
            data.put("publicKeyFingerprint", checkpoint.publicKeyFingerprint());
        }
        try {
            return CloudEventBuilder.v1()
                    .withId(checkpointId(checkpoint))
                    .withSource(SOURCE)
                    .withType(CHECKPOINT_TYPE)
                    .withSubject(checkpoint.origin())
                    .withTime(checkpoint.signedAt().atOffset(ZoneOffset.UTC))
                    .withDataSchema(URI.create(schemaUrl(base, CHECKPOINT_TYPE)))
                    .withData("application/json", DATA.writeValueAsBytes(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkpoint as one line of CloudEvents JSON. */
    String json(CheckpointData checkpoint) {
        return json(checkpoint, base());
    }

    String json(CheckpointData checkpoint, String base) {
        return new String(JSON.serialize(of(checkpoint, base)), StandardCharsets.UTF_8);
    }

    static String checkpointId(CheckpointData checkpoint) {
        try {
            byte[] root = Base64.getDecoder().decode(checkpoint.rootHash());
            return "checkpoint-" + checkpoint.treeSize() + "-"
                    + HexFormat.of().formatHex(root, 0, Math.min(8, root.length));
        } catch (IllegalArgumentException | NullPointerException notBase64) {
            return "checkpoint-" + checkpoint.treeSize();
        }
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }
}
