package org.partnershipledger.query.integration;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.partnershipledger.query.history.EventTypes;
import org.partnershipledger.query.history.LoggedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How every event leaves the ledger: a CloudEvents 1.0 JSON object (structured mode), built with the CloudEvents
 * SDK. Extensions carry who and why ({@code actor}, {@code reason}), where it belongs ({@code partnershipid}),
 * its order ({@code sequence}, {@code position}) and its request ({@code correlationid}, {@code causationid}).
 */
@Component
public class CloudEventEnvelope {

    public static final URI SOURCE = URI.create("/partnership-ledger");
    private static final EventFormat JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final EventTypes types;
    private final String schemaBase;

    CloudEventEnvelope(EventTypes types, @Value("${ledger.public-url:http://localhost:8081}") String publicUrl) {
        this.types = types;
        this.schemaBase = publicUrl.replaceAll("/+$", "") + "/api/schemas/";
    }

    /** Where the JSON Schema of a type's data is served. */
    public String schemaUrl(String type) {
        return schemaBase + type;
    }

    public String typeOf(LoggedEvent event) {
        return types.bySimpleName(event.type()).map(EventTypes.EventType::cloudEventType)
                .orElse("ledger." + event.aggregateType().toLowerCase() + "." + EventTypes.kebab(event.type()) + ".v1");
    }

    public CloudEvent of(LoggedEvent event) {
        String type = typeOf(event);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(SOURCE)
                .withType(type)
                .withSubject(event.aggregateId())
                .withTime(event.timestamp().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(schemaUrl(type)))
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
        return new String(JSON.serialize(of(event)), StandardCharsets.UTF_8);
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }
}
