package org.partnershipledger.query.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;

/**
 * One row of {@code analytics.event_log} as readers see it, with a human summary. {@code event} is the payload as
 * its event class, for readers that need its fields; it is absent for a type this version of the ledger does not
 * know. Next to the reason, {@code evidence} and {@code decisionRef} say what a decision rested on and which
 * business review took it, read from the payload whatever its type.
 */
public record LoggedEvent(long position, String eventId, String partnershipId, String aggregateId, String aggregateType,
                          long sequence, String type, Instant timestamp, String actor, String reason, String summary,
                          JsonNode payload, String correlationId, String causationId, @JsonIgnore Object event) {

    public static final String COLUMNS = """
            position, event_id, partnership_id, aggregate_id, aggregate_type, sequence_number, type, occurred_at, actor,
            reason, payload::text AS payload, correlation_id, causation_id""";

    /** The payload as {@code type}, when it is one. */
    public <T> Optional<T> eventAs(Class<T> type) {
        return type.isInstance(event) ? Optional.of(type.cast(event)) : Optional.empty();
    }

    /** The period of the business review that took this decision, when its payload names one. */
    @JsonProperty("decisionRef")
    @Schema(description = "The period of the business review that took this decision (e.g. 2026-Q3), if it names one",
            nullable = true)
    public String decisionRef() {
        JsonNode ref = payload == null ? null : payload.get("decisionRef");
        return ref != null && ref.isTextual() ? ref.asText() : null;
    }

    /**
     * What the decision rested on, from its payload's {@code evidence}: typed references, or, for events whose
     * evidence is plain text (an impact record's sources), references without a type.
     */
    @JsonProperty("evidence")
    @Schema(description = "What the decision rested on: typed references from the payload's evidence (empty if none)")
    public List<Evidence> evidence() {
        JsonNode items = payload == null ? null : payload.get("evidence");
        List<Evidence> evidence = new ArrayList<>();
        if (items == null || !items.isArray()) {
            return evidence;
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                evidence.add(new Evidence(null, item.asText(), null));
            } else if (item.isObject()) {
                evidence.add(new Evidence(type(item.path("type").asText(null)), item.path("ref").asText(null),
                        item.path("title").asText(null)));
            }
        }
        return evidence;
    }

    private static EvidenceType type(String name) {
        try {
            return name == null ? null : EvidenceType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a type this version does not know: shown as a reference without a type
        }
    }
}
