package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The JSON shape rules every part of a statement shares: no nulls or NULs, known properties, types. */
final class JsonRules {

    private JsonRules() {
    }

    /** No property is null, except inside extensions, whose values are the sender's own. */
    static void noNulls(JsonNode node, String path) {
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
            fail(path, "must not contain the NUL character");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().indexOf('\u0000') >= 0) {
                    fail(path, "a property name must not contain the NUL character");
                }
                if (field.getValue().isNull()) {
                    fail(path + "." + field.getKey(), "must not be null (leave it out instead)");
                }
                if (!"extensions".equals(field.getKey())) {
                    noNulls(field.getValue(), path + "." + field.getKey());
                } else {
                    noNul(field.getValue(), path + ".extensions");
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    fail(path + "[" + i + "]", "must not be null");
                }
                noNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** PostgreSQL keeps no NUL character in text or JSON: refused wherever it is. */
    static void noNul(JsonNode node, String path) {
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
            fail(path, "must not contain the NUL character");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (name.indexOf('\u0000') >= 0) {
                fail(path, "a property name must not contain the NUL character");
            }
        });
        node.forEach(child -> noNul(child, path));
    }

    static void onlyProperties(JsonNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                fail(path + "." + name, "is not a property the specification allows here");
            }
        });
    }

    static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            fail(path, node == null ? "is required" : "must be a JSON object");
        }
        return node;
    }

    static String requireString(JsonNode node, String path) {
        if (node == null) {
            fail(path, "is required");
        }
        if (!node.isTextual()) {
            fail(path, "must be a string");
        }
        return node.asText();
    }

    static void optionalString(JsonNode node, String property, String path) {
        if (node.has(property)) {
            requireString(node.get(property), path + "." + property);
        }
    }

    static void fail(String path, String rule) {
        throw new XapiInvalid(path, rule);
    }
}
