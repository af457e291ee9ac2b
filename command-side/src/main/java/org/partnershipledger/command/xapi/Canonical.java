package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Hashes of statements and of lists of statement ids, the same for the same content whatever its key order. */
final class Canonical {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {
    }

    /**
     * The sha-256 of the statement's content: keys sorted, without what an LRS adds ({@code stored},
     * {@code authority}, {@code version}), so a statement forwarded by another LRS is the same statement.
     */
    static String contentHash(JsonNode statement) {
        ObjectNode content = statement.deepCopy();
        content.remove(List.of("stored", "authority", "version"));
        try {
            return sha256(JSON.writeValueAsString(sorted(content)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sha-256 of the ids, sorted, joined by commas. */
    static String digest(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        return sha256(String.join(",", sorted));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(sorted(item)));
            return array;
        }
        return node;
    }
}
