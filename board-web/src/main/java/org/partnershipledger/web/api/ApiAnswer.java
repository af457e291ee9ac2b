package org.partnershipledger.web.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of an API: its status and its JSON body as plain maps and lists (what the templates read), or the
 * problem it reported.
 */
public record ApiAnswer(int status, Object body, Optional<String> etag) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The problem+json of a refusal: its code, its detail in plain words, and field errors by field. */
    public Problem problem() {
        Map<String, Object> json = json();
        Object errors = json.get("errors");
        java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("field") != null) {
                    fields.merge(String.valueOf(m.get("field")), String.valueOf(m.get("message")),
                            (a, b) -> a + "; " + b);
                }
            }
        }
        String detail = json.get("detail") != null ? String.valueOf(json.get("detail"))
                : json.get("title") != null ? String.valueOf(json.get("title")) : "The ledger refused it (" + status + ")";
        return new Problem(status, String.valueOf(json.getOrDefault("code", "")), detail, fields);
    }

    public record Problem(int status, String code, String detail, Map<String, String> fields) {
    }
}
