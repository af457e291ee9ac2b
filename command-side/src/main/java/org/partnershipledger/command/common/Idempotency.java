package org.partnershipledger.command.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

    /**
     * A stored response whose events are not in the event store (yet): on Axon Server the record commits in
     * PostgreSQL first, then the events in Axon Server. Within {@link #SETTLE} that commit may still be under way.
     */
    public static class OutcomePending extends RuntimeException {
        OutcomePending() {
            super("The first request with this Idempotency-Key is still being recorded; retry in a few seconds",
                    new org.springframework.dao.TransientDataAccessResourceException("events not confirmed yet"));
        }
    }

    /** Longer than Axon Server's commit timeout (10 s): an append not confirmed by then has failed. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final EventStore eventStore;

    Idempotency(JdbcClient jdbc, ObjectMapper json, EventStore eventStore) {
        this.jdbc = jdbc;
        this.json = json;
        this.eventStore = eventStore;
    }

    private record Stored(ResponseEntity<Map<String, Object>> response, long version, String aggregateId,
                          boolean settled) {
    }

    /**
     * The stored response for this key, if the same request was accepted before; refuses a reused key. A response
     * whose events the store does not hold was never completed: forgotten once {@link #SETTLE} has passed, so the
     * command runs again, and {@link OutcomePending} before that.
     */
    public Optional<ResponseEntity<Map<String, Object>>> replay(Request request) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, status, location, body::text AS body, version, aggregate_id,
                               created_at < now() - CAST(? AS interval) AS settled
                        FROM command_side.idempotency_key WHERE principal = ? AND idempotency_key = ?""")
                .params(SETTLE.toSeconds() + " seconds", request.principal(), request.key())
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(request.hash())) {
                        throw new KeyReused();
                    }
                    CommandResponses response = new CommandResponses(rs.getInt("status"), rs.getString("location"),
                            read(rs.getString("body")));
                    return new Stored(response.withVersion(rs.getLong("version")), rs.getLong("version"),
                            rs.getString("aggregate_id"), rs.getBoolean("settled"));
                })
                .optional();
        if (stored.isEmpty() || stored.get().aggregateId() == null || inStore(stored.get())) {
            return stored.map(Stored::response);
        }
        if (!stored.get().settled()) {
            throw new OutcomePending();
        }
        jdbc.sql("DELETE FROM command_side.idempotency_key WHERE principal = ? AND idempotency_key = ?")
                .params(request.principal(), request.key()).update();
        return Optional.empty();
    }

    /** Whether the event that gave the stored version is in the event store. */
    private boolean inStore(Stored stored) {
        var events = eventStore.readEvents(stored.aggregateId(), stored.version());
        return events.hasNext() && events.next().getSequenceNumber() == stored.version();
    }

    /** Records the response of an accepted command; runs inside the command's transaction. */
    void record(String principal, String key, String hash, CommandResponses planned, long version,
                String aggregateId) {
        jdbc.sql("""
                        INSERT INTO command_side.idempotency_key
                            (principal, idempotency_key, request_hash, status, location, body, version, aggregate_id)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
                .params(principal, key, hash, planned.status(), planned.location(), write(planned.body()), version,
                        aggregateId)
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
