package org.partnershipledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation a running service documents at /v3/api-docs, with its parameters and body schema ($refs
 * resolved), so a test can walk all of them: an endpoint added tomorrow is in the list without anyone touching the
 * test.
 */
final class ApiOperations {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private ApiOperations() {
    }

    /** A parameter: its name, where it goes (path, query, header), whether it is required, and its schema. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation of one service. {@code body} is the JSON body's schema with its $refs resolved (null when the
     * operation takes no JSON body); {@code responses} are the statuses it documents.
     */
    record Operation(String side, int port, String method, String path, List<Param> params, JsonNode body,
                     boolean bodyRequired, Set<String> responses) {

        /** As written in the OpenAPI document and in test expectations: {@code POST /api/partnerships/{id}/end}. */
        String key() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(param -> param.in().equals(where)).toList();
        }

        boolean hasHeader(String name) {
            return in("header").stream().anyMatch(param -> param.name().equalsIgnoreCase(name));
        }

        @Override
        public String toString() {
            return key() + " (" + side + " side)";
        }
    }

    /** The operations of both running services, command side first, each in document order. */
    static List<Operation> of(LedgerRunner ledger) {
        List<Operation> operations = new ArrayList<>(of("command", ledger.commandPort()));
        operations.addAll(of("query", ledger.queryPort()));
        return operations;
    }

    static List<Operation> of(String side, int port) {
        JsonNode document = ApiDocs.fetch(port);
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = resolve(document, parameter);
                    params.add(new Param(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"))));
                }
                JsonNode requestBody = resolve(document, operation.path("requestBody"));
                JsonNode schema = requestBody.path("content").path("application/json").path("schema");
                Set<String> responses = new TreeSet<>();
                operation.path("responses").fieldNames().forEachRemaining(responses::add);
                operations.add(new Operation(side, port, method.toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(params), schema.isMissingNode() ? null : inline(document, schema, 0),
                        requestBody.path("required").asBoolean(false), Set.copyOf(responses)));
            }
        });
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The schema with every $ref replaced by what it names (to a depth of 8, ample for the ledger's bodies). */
    private static JsonNode inline(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 8 || !resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = resolved.deepCopy();
        if (copy.get("properties") instanceof ObjectNode properties) {
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> properties.set(name, inline(document, properties.get(name), depth + 1)));
        }
        if (copy.has("items")) {
            copy.set("items", inline(document, copy.get("items"), depth + 1));
        }
        return copy;
    }
}
