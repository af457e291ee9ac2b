package org.partnershipledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.partnershipledger.platform.testing.Http;

/** A running service's OpenAPI document (springdoc serves it to anyone at /v3/api-docs). */
final class ApiDocs {

    private ApiDocs() {
    }

    static JsonNode fetch(int port) {
        Http.Response response = Http.localhost(port).get("/v3/api-docs");
        if (response.status() != 200) {
            throw new IllegalStateException("GET /v3/api-docs answered " + response);
        }
        return response.json();
    }
}
