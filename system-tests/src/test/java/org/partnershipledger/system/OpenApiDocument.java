package org.partnershipledger.system;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An OpenAPI document as committed in docs/openapi: the server URL at the service's default port (a test's port is
 * random), keys sorted (OpenAPI's top-level sections in their usual order, everything below alphabetically) so a
 * regenerated file differs from the last only where the API did, pretty-printed with a newline at the end.
 */
final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOP = List.of("openapi", "info", "servers", "security", "tags", "paths",
            "components");

    private OpenApiDocument() {
    }

    static JsonNode normalized(JsonNode served, int defaultPort) {
        ObjectNode document = served.deepCopy();
        if (document.get("servers") instanceof ArrayNode servers) {
            servers.forEach(server -> ((ObjectNode) server).put("url",
                    server.path("url").asText().replaceFirst(":\\d+", ":" + defaultPort)));
        }
        return sorted(document, true);
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonNode document, Path file) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writer(printer).writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where two documents differ, as JSON pointers, at most {@code limit} of them. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, found, limit);
        return found;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> found, int limit) {
        if (found.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String pointer = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!expected.has(key)) {
                    found.add("added   " + pointer);
                } else if (!actual.has(key)) {
                    found.add("removed " + pointer);
                } else {
                    compare(pointer, expected.get(key), actual.get(key), found, limit);
                }
            }
        } else {
            found.add("changed " + at + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static JsonNode sorted(JsonNode node, boolean top) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(top ? Comparator.comparingInt((String key) -> TOP.contains(key) ? TOP.indexOf(key) : TOP.size())
                    .thenComparing(Comparator.naturalOrder()) : Comparator.naturalOrder());
            keys.forEach(key -> copy.set(key, sorted(node.get(key), false)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element, false)));
            return copy;
        }
        return node;
    }
}
