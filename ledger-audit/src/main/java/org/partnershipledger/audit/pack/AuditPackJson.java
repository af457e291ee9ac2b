package org.partnershipledger.audit.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.leaf.PersonalField;

/**
 * The pack's JSON, written field by field rather than by reflection so that the file format is exactly what
 * docs/audit.md says and cannot drift with a renamed record component. Bytes are standard base64.
 */
public final class AuditPackJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditPackJson() {
    }

    public static String write(AuditPack pack) {
        ObjectNode root = JSON.createObjectNode()
                .put("format", pack.format())
                .put("subject", pack.subject())
                .put("howToVerify", pack.howToVerify())
                .put("publicKeyFingerprint", pack.publicKeyFingerprint())
                .put("checkpoint", pack.checkpoint());
        ArrayNode events = root.putArray("events");
        pack.events().forEach(event -> events.add(write(event)));
        ArrayNode proofs = root.putArray("consistencyProofs");
        for (AuditPack.ConsistencyProof proof : pack.consistencyProofs()) {
            ObjectNode node = proofs.addObject().put("fromSize", proof.fromSize());
            node.set("proof", hashes(proof.proof()));
        }
        ArrayNode aggregates = root.putArray("aggregates");
        for (AuditPack.AggregateLog aggregate : pack.aggregates()) {
            aggregates.addObject().put("aggregateType", aggregate.aggregateType())
                    .put("aggregateId", aggregate.aggregateId()).put("loggedEvents", aggregate.loggedEvents());
        }
        ArrayNode unlogged = root.putArray("unlogged");
        for (AuditPack.Unlogged event : pack.unlogged()) {
            unlogged.addObject().put("eventId", event.eventId()).put("aggregateType", event.aggregateType())
                    .put("aggregateId", event.aggregateId()).put("sequenceNumber", event.sequenceNumber())
                    .put("position", event.position());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** @throws PackFormatException when the text is not a pack this version can read */
    public static AuditPack read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PackFormatException("the pack is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PackFormatException("the pack is not a JSON object");
        }
        String format = text(root, "format", true);
        if (!AuditPack.FORMAT.equals(format)) {
            throw new PackFormatException("this verifier reads " + AuditPack.FORMAT + " packs, not " + format);
        }
        List<PackEvent> events = new ArrayList<>();
        for (JsonNode event : array(root, "events")) {
            events.add(readEvent(event, events.size()));
        }
        List<AuditPack.ConsistencyProof> proofs = new ArrayList<>();
        for (JsonNode proof : array(root, "consistencyProofs")) {
            proofs.add(new AuditPack.ConsistencyProof(number(proof, "fromSize"), hashes(proof, "proof")));
        }
        List<AuditPack.AggregateLog> aggregates = new ArrayList<>();
        for (JsonNode aggregate : optionalArray(root, "aggregates")) {
            aggregates.add(new AuditPack.AggregateLog(text(aggregate, "aggregateType", false),
                    text(aggregate, "aggregateId", true), number(aggregate, "loggedEvents")));
        }
        List<AuditPack.Unlogged> unlogged = new ArrayList<>();
        for (JsonNode event : optionalArray(root, "unlogged")) {
            unlogged.add(new AuditPack.Unlogged(text(event, "eventId", true), text(event, "aggregateType", false),
                    text(event, "aggregateId", false), number(event, "sequenceNumber"), number(event, "position")));
        }
        return new AuditPack(format, text(root, "subject", false), text(root, "howToVerify", false),
                text(root, "publicKeyFingerprint", false), text(root, "checkpoint", true), events, proofs,
                aggregates, unlogged);
    }

    private static ObjectNode write(PackEvent event) {
        LeafEntry entry = event.entry();
        ObjectNode node = JSON.createObjectNode()
                .put("logIndex", event.logIndex())
                .put("eventId", entry.eventId())
                .put("aggregateType", entry.aggregateType())
                .put("aggregateId", entry.aggregateId())
                .put("sequenceNumber", entry.sequenceNumber())
                .put("eventType", entry.eventType())
                .put("revision", entry.revision())
                .put("timestamp", LeafEntry.canonicalTimestamp(entry.timestamp()));
        node.set("payload", write(entry.payload()));
        node.set("actor", write(entry.actor()));
        node.set("reason", write(entry.reason()));
        node.put("correlationId", entry.correlationId()).put("causationId", entry.causationId());
        node.set("inclusionProof", hashes(event.inclusionProof()));
        return node;
    }

    private static ObjectNode write(PersonalField field) {
        ObjectNode node = JSON.createObjectNode();
        if (field instanceof PersonalField.Revealed revealed) {
            node.put("value", revealed.value()).put("salt", base64(revealed.salt()));
        } else {
            node.put("erasedDigest", base64(field.digest()));
        }
        return node;
    }

    private static PackEvent readEvent(JsonNode node, int position) {
        try {
            LeafEntry entry = new LeafEntry(
                    text(node, "eventId", true),
                    text(node, "aggregateType", false),
                    text(node, "aggregateId", false),
                    number(node, "sequenceNumber"),
                    text(node, "eventType", true),
                    text(node, "revision", false),
                    Instant.parse(text(node, "timestamp", true)),
                    personal(node, "payload"),
                    personal(node, "actor"),
                    personal(node, "reason"),
                    text(node, "correlationId", false),
                    text(node, "causationId", false));
            return new PackEvent(number(node, "logIndex"), entry, hashes(node, "inclusionProof"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            if (e instanceof PackFormatException) {
                throw e;
            }
            throw new PackFormatException("event #" + (position + 1) + " is malformed: " + e.getMessage());
        }
    }

    private static PersonalField personal(JsonNode event, String name) {
        JsonNode node = event.get(name);
        if (node == null || !node.isObject()) {
            throw new PackFormatException("'" + name + "' is an object with value and salt, or erasedDigest");
        }
        if (node.has("erasedDigest")) {
            return PersonalField.erased(bytes(node, "erasedDigest"));
        }
        return PersonalField.revealed(text(node, "value", false), bytes(node, "salt"));
    }

    private static String text(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PackFormatException("'" + name + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new PackFormatException("'" + name + "' is not a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new PackFormatException("'" + name + "' is not a whole number");
        }
        return value.longValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw new PackFormatException("'" + name + "' is not an array");
        }
        return value;
    }

    /** An array a pack made before it existed does not have: absent reads as empty. */
    private static Iterable<JsonNode> optionalArray(JsonNode node, String name) {
        return node.has(name) ? array(node, name) : List.of();
    }

    private static List<byte[]> hashes(JsonNode node, String name) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : array(node, name)) {
            if (!hash.isTextual()) {
                throw new PackFormatException("'" + name + "' holds base64 strings");
            }
            hashes.add(decode(hash.textValue(), name));
        }
        return hashes;
    }

    private static ArrayNode hashes(List<byte[]> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(base64(hash)));
        return array;
    }

    private static byte[] bytes(JsonNode node, String name) {
        return decode(text(node, name, true), name);
    }

    private static byte[] decode(String base64, String name) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new PackFormatException("'" + name + "' is not base64");
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
