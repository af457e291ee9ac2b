package org.partnershipledger.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.DueDiligenceAssessed;

/**
 * DueDiligenceAssessed revision 1 to 2: {@code evidence} was free text and became typed references, with the text kept
 * as {@code notes} where it was not a reference. A text that is an absolute http(s) URI becomes one DOCUMENT
 * reference; any other text becomes {@code notes}, with no references (the event is history: it is read as it was
 * recorded, never rejected for lacking the references a new assessment needs).
 */
public class DueDiligenceAssessedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DueDiligenceAssessed.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(DueDiligenceAssessed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, DueDiligenceAssessedUpcaster::toRevision2);
    }

    /** The revision-2 payload of a revision-1 payload; the fields before {@code evidence} keep their order. */
    static JsonNode toRevision2(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode payload)) {
            return revision1;
        }
        JsonNode old = payload.remove("evidence");
        if (old != null && old.isArray()) {
            // already references (written in the new shape, labelled revision 1): kept, never lost
            payload.set("evidence", old);
            if (!payload.has("notes")) {
                payload.putNull("notes");
            }
            return payload;
        }
        String text = old == null || old.isNull() ? null : old.asText();
        ArrayNode evidence = payload.putArray("evidence");
        if (EvidenceText.isDocumentUri(text)) {
            ObjectNode reference = JsonNodeFactory.instance.objectNode();
            reference.put("type", EvidenceType.DOCUMENT.name());
            reference.put("ref", text.trim());
            reference.putNull("title");
            evidence.add(reference);
            payload.putNull("notes");
        } else if (text == null || text.isBlank()) {
            payload.putNull("notes");
        } else {
            payload.put("notes", text);
        }
        return payload;
    }
}
