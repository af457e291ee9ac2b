package org.partnershipledger.command.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The response a command will get if it is accepted, planned before it is sent (ids are made before sending), so
 * it can be stored with the command's events for idempotent retries. The aggregate's version is filled in once
 * the command has been handled.
 */
public record CommandResponses(int status, String location, Map<String, Object> body) {

    /** 201, with the new thing's id and its Location under the request's path. */
    public static CommandResponses created(String idField, String id) {
        String location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id)
                .toUriString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idField, id);
        return new CommandResponses(201, location, body);
    }

    /** 200: the change made nothing addressable; the body carries the version only. */
    public static CommandResponses changed() {
        return new CommandResponses(200, null, new LinkedHashMap<>());
    }

    /** The response once the aggregate's new version is known; also what an idempotent retry gets back. */
    public ResponseEntity<Map<String, Object>> withVersion(long version) {
        Map<String, Object> full = new LinkedHashMap<>(body);
        full.put("version", version);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag(version));
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, location);
        }
        return ResponseEntity.status(status).headers(headers).body(full);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
