package org.partnershipledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.partnershipledger.platform.web.Problems;
import org.partnershipledger.query.access.PartnerScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History")
class HistoryController {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final PartnerScope partnerScope;

    HistoryController(JdbcClient jdbc, ObjectMapper json, PartnerScope partnerScope) {
        this.jdbc = jdbc;
        this.json = json;
        this.partnerScope = partnerScope;
    }

    record HistoryEvent(long position, String aggregateId, String aggregateType, long sequence, String type,
                        Instant timestamp, String actor, String reason, JsonNode payload, String correlationId,
                        String causationId) {
    }

    record History(String partnershipId, List<HistoryEvent> events) {
    }

    @GetMapping("/{id}/history")
    ResponseEntity<?> history(@PathVariable String id) {
        if (!partnerScope.maySee(id)) {
            return notFound(id);
        }
        List<HistoryEvent> events = jdbc.sql("""
                        SELECT position, aggregate_id, aggregate_type, sequence_number, type, occurred_at, actor,
                               reason, payload::text AS payload, correlation_id, causation_id
                        FROM query_side.history_entry WHERE partnership_id = ? ORDER BY position""")
                .param(id)
                .query((rs, row) -> new HistoryEvent(rs.getLong("position"), rs.getString("aggregate_id"),
                        rs.getString("aggregate_type"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("reason"),
                        readJson(rs.getString("payload")), rs.getString("correlation_id"),
                        rs.getString("causation_id")))
                .list();
        if (events.isEmpty()) {
            return notFound(id);
        }
        return ResponseEntity.ok(new History(id, events));
    }

    private static ResponseEntity<?> notFound(String id) {
        return Problems.respond(HttpStatus.NOT_FOUND, "PARTNERSHIP_NOT_FOUND", "No such partnership: " + id);
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("Stored payload is not JSON", e);
        }
    }
}
