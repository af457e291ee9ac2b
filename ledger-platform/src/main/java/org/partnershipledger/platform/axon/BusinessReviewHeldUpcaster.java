package org.partnershipledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.partnershipledger.events.partnership.BusinessReviewHeld;

/**
 * Reads a {@link BusinessReviewHeld} stored as revision 1, whose actions were plain descriptions, as revision 2,
 * whose actions are tracked items: each description becomes an action {@code <period>-<n>} (numbered from 1 in
 * the stored order, as the aggregate numbers new ones) with no owner side, owner or due date. The stored row is
 * never rewritten.
 */
public class BusinessReviewHeldUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(BusinessReviewHeld.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(BusinessReviewHeld.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, BusinessReviewHeldUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode stored) {
        if (!(stored instanceof ObjectNode payload)) {
            return stored;
        }
        ObjectNode upcast = payload.deepCopy();
        String period = payload.path("period").asText("");
        ArrayNode actions = JsonNodeFactory.instance.arrayNode();
        JsonNode descriptions = payload.path("actions");
        for (int i = 0; i < descriptions.size(); i++) {
            JsonNode description = descriptions.get(i);
            ObjectNode action = actions.addObject();
            action.put("actionId", period + "-" + (i + 1));
            action.put("description", description.isTextual() ? description.asText() : description.toString());
            action.putNull("ownerSide");
            action.putNull("owner");
            action.putNull("dueDate");
        }
        upcast.set("actions", actions);
        return upcast;
    }
}
