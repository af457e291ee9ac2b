package org.partnershipledger.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.platform.events.StoredMessages;
import org.partnershipledger.query.readmodel.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions other read endpoints ask of {@code analytics.event_log}. */
@Component
public class EventLog {

    public static final String READ_MODEL = EventLogProjection.NAME;

    private final JdbcClient jdbc;
    private final Json json;
    private final EventTypes types;
    /** Payloads are stored events: a field this version does not know is ignored, as when Axon reads them. */
    private final ObjectMapper storedEvents;

    EventLog(JdbcClient jdbc, Json json, EventTypes types) {
        this.jdbc = jdbc;
        this.json = json;
        this.types = types;
        this.storedEvents = StoredMessages.tolerant(json.mapper());
    }

    /** The event in the current row of a query selecting {@link LoggedEvent#COLUMNS}, for the board. */
    public LoggedEvent read(ResultSet rs) throws SQLException {
        return read(rs, true);
    }

    /**
     * The event as stored, for what sends the payload on unread (the stream, webhooks, the export): its payload is
     * not decoded into its event class, and it has no sentence ({@code event} and {@code summary} are null).
     */
    public LoggedEvent readAsStored(ResultSet rs) throws SQLException {
        return read(rs, false);
    }

    private LoggedEvent read(ResultSet rs, boolean forTheBoard) throws SQLException {
        JsonNode payload = json.tree(rs.getString("payload"));
        String type = rs.getString("type");
        String reason = rs.getString("reason");
        Object event = forTheBoard ? typed(payload, type) : null;
        return new LoggedEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("partnership_id"),
                rs.getString("aggregate_id"), rs.getString("aggregate_type"), rs.getLong("sequence_number"), type,
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), reason,
                forTheBoard ? Summaries.of(event, type, reason) : null, payload, rs.getString("correlation_id"),
                rs.getString("causation_id"), event);
    }

    private Object typed(JsonNode payload, String type) {
        return types.bySimpleName(type).map(known -> {
            try {
                return storedEvents.treeToValue(payload, known.eventClass());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return null; // shown as stored, summarised by its type alone
            }
        }).orElse(null);
    }

    /** The programs proposed under a partnership, as far as the event log has read. */
    public List<String> programsOf(String partnershipId) {
        return jdbc.sql("SELECT program_id FROM query_side.program_partnership WHERE partnership_id = ? "
                        + "ORDER BY program_id")
                .param(partnershipId).query(String.class).list();
    }

    /** The events of the partnership aggregate itself (not of its programs), in order. */
    public List<LoggedEvent> partnershipEntries(String partnershipId) {
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM analytics.event_log WHERE partnership_id = ? AND aggregate_type = ?
                        ORDER BY position""")
                .params(partnershipId, PartnershipEvent.AGGREGATE).query((rs, row) -> read(rs)).list();
    }

    /** A partnership's events of the given types in [from, to), in order; null bounds are open. */
    public List<LoggedEvent> ofPartnership(String partnershipId, Collection<Class<?>> types, Instant from,
                                           Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", partnershipId);
        params.put("types", types.stream().map(Class::getSimpleName).toList());
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM analytics.event_log WHERE partnership_id = :id AND type IN (:types)
                          AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                        ORDER BY position""")
                .params(params).query((rs, row) -> read(rs)).list();
    }

    /**
     * Curriculum pivots across partnerships, filtered, at most 10,000; {@code organization} limits to a partner's
     * partnerships.
     */
    public List<LoggedEvent> pivots(Instant from, Instant to, PivotTrigger trigger, String partnershipId,
                                    String organization) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", CurriculumPivoted.class.getSimpleName());
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        params.put("partnership", partnershipId);
        params.put("org", organization);
        try (Stream<LoggedEvent> pivots = jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM analytics.event_log e WHERE type = :type
                          AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                          AND (CAST(:partnership AS text) IS NULL OR partnership_id = :partnership)
                          AND (CAST(:org AS text) IS NULL OR EXISTS (SELECT 1 FROM query_side.partner_access a
                               WHERE a.partnership_id = e.partnership_id AND a.organization_id = :org))
                        ORDER BY position""")
                .params(params).query((rs, row) -> read(rs)).stream()) {
            return pivots.filter(pivot -> trigger == null || pivot.eventAs(CurriculumPivoted.class)
                    .map(p -> p.trigger() == trigger).orElse(false)).limit(10_000).toList();
        }
    }

    /** Events after {@code position} up to {@code upTo} (included), in order, at most {@code limit}, as stored. */
    public List<LoggedEvent> after(long position, long upTo, int limit) {
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS
                        + " FROM analytics.event_log WHERE position > ? AND position <= ? ORDER BY position LIMIT ?")
                .params(position, upTo, limit).query((rs, row) -> readAsStored(rs)).list();
    }
}
