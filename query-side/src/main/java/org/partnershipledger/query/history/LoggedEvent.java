package org.partnershipledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.partnershipledger.query.readmodel.Json;

/** One row of {@code analytics.event_log} as readers see it, with a human summary. */
public record LoggedEvent(long position, String eventId, String partnershipId, String aggregateId, String aggregateType,
                          long sequence, String type, Instant timestamp, String actor, String reason, String summary,
                          JsonNode payload, String correlationId, String causationId) {

    public static final String COLUMNS = """
            position, event_id, partnership_id, aggregate_id, aggregate_type, sequence_number, type, occurred_at, actor,
            reason, payload::text AS payload, correlation_id, causation_id""";

    public static LoggedEvent read(ResultSet rs, Json json) throws SQLException {
        JsonNode payload = json.tree(rs.getString("payload"));
        String type = rs.getString("type");
        String reason = rs.getString("reason");
        return new LoggedEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("partnership_id"), rs.getString("aggregate_id"),
                rs.getString("aggregate_type"), rs.getLong("sequence_number"), type,
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), reason,
                Summaries.of(type, payload, reason), payload, rs.getString("correlation_id"),
                rs.getString("causation_id"));
    }
}
