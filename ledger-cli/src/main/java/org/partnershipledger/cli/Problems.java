package org.partnershipledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the ledger's problem+json answers. The {@code code} is the stable part a person can look up in docs/api.md;
 * {@code title} and {@code detail} are for reading. An answer that is not problem+json (a proxy's HTML page) is
 * shown as it came.
 */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The problem code, or null when the body is not a problem with one. */
    static String code(String body) {
        JsonNode code = parse(body).path("code");
        return code.isTextual() ? code.textValue() : null;
    }

    /** The problem's detail (or title) for a person; the body itself when it is no problem+json. */
    static String detail(String body) {
        JsonNode problem = parse(body);
        for (String field : new String[] {"detail", "title"}) {
            if (problem.path(field).isTextual()) {
                return problem.path(field).textValue();
            }
        }
        return body;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }
}
