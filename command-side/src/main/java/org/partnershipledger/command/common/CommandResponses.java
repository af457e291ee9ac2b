package org.partnershipledger.command.common;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The shape of every successful command response: the ids it made, the aggregate's version, and its ETag. */
public final class CommandResponses {

    private CommandResponses() {
    }

    /** 201 with a Location of {@code /<collection>/<id>} under the request's path. */
    public static ResponseEntity<Map<String, Object>> created(String idField, String id, long version) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idField, id);
        body.put("version", version);
        return ResponseEntity.created(location).eTag(etag(version)).body(body);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
