package org.partnershipledger.command.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Stored responses of commands sent with an {@code Idempotency-Key}, per principal. */
@Component
public class Idempotency {

    static final String KEY = "idempotencyKey";
    static final String PRINCIPAL = "idempotencyPrincipal";
    static final String HASH = "idempotencyRequestHash";
    static final String PLANNED = "idempotencyPlannedResponse";

    /** A request that carries a key: who sent it, the key, and a hash of what was sent. */
    public record Request(String principal, String key, String hash) {

        static final String ATTRIBUTE = Request.class.getName();

        /** The keyed request being handled on this thread, if any. */
        static Request current() {
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            return attributes == null ? null
                    : (Request) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }

        Map<String, Object> metadata(CommandResponses planned) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(KEY, key);
            metadata.put(PRINCIPAL, principal);
            metadata.put(HASH, hash);
            metadata.put(PLANNED, planned);
            return metadata;
        }
    }

    /** A key used once already with another request. */
    public static class KeyReused extends LedgerRejection {
        KeyReused() {
            super(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request; use a new key");
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Idempotency(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored response for this key, if the same request was accepted before; refuses a reused key. */
    public Optional<ResponseEntity<Map<String, Object>>> replay(Request request) {
        return jdbc.sql("""
                        SELECT request_hash, status, location, body::text AS body, version
                        FROM command_side.idempotency_key WHERE principal = ? AND idempotency_key = ?""")
                .params(request.principal(), request.key())
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(request.hash())) {
                        throw new KeyReused();
                    }
                    CommandResponses stored = new CommandResponses(rs.getInt("status"), rs.getString("location"),
                            read(rs.getString("body")));
                    return stored.withVersion(rs.getLong("version"));
                })
                .optional();
    }

    /** Records the response of an accepted command; runs inside the command's transaction. */
    void record(String principal, String key, String hash, CommandResponses planned, long version) {
        jdbc.sql("""
                        INSERT INTO command_side.idempotency_key
                            (principal, idempotency_key, request_hash, status, location, body, version)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""")
                .params(principal, key, hash, planned.status(), planned.location(), write(planned.body()), version)
                .update();
    }

    private Map<String, Object> read(String body) {
        try {
            Map<String, Object> map = json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
            map.remove("version");
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response is not JSON", e);
        }
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
