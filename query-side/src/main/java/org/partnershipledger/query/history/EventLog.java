package org.partnershipledger.query.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.query.readmodel.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions other read endpoints ask of {@code analytics.event_log}. */
@Component
public class EventLog {

    public static final String READ_MODEL = EventLogProjection.NAME;

    private final JdbcClient jdbc;
    private final Json json;

    EventLog(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A partnership's events of the given types in [from, to), in order; null bounds are open. */
    public List<LoggedEvent> ofPartnership(String partnershipId, Collection<String> types, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", partnershipId);
        params.put("types", types);
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM analytics.event_log WHERE partnership_id = :id AND type IN (:types)
                          AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                        ORDER BY position""")
                .params(params).query((rs, row) -> LoggedEvent.read(rs, json)).list();
    }

    /** Curriculum pivots across partnerships, filtered; {@code organization} limits to a partner's partnerships. */
    public List<LoggedEvent> pivots(Instant from, Instant to, String trigger, String partnershipId, String organization) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        params.put("trigger", trigger);
        params.put("partnership", partnershipId);
        params.put("org", organization);
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM analytics.event_log e WHERE type = 'CurriculumPivoted'
                          AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                          AND (CAST(:trigger AS text) IS NULL OR payload->>'trigger' = :trigger)
                          AND (CAST(:partnership AS text) IS NULL OR partnership_id = :partnership)
                          AND (CAST(:org AS text) IS NULL OR EXISTS (SELECT 1 FROM query_side.partner_access a
                               WHERE a.partnership_id = e.partnership_id AND a.organization_id = :org))
                        ORDER BY position LIMIT 10000""")
                .params(params).query((rs, row) -> LoggedEvent.read(rs, json)).list();
    }

    /** Events after {@code position} up to and including {@code upTo}, in position order, at most {@code limit}. */
    public List<LoggedEvent> after(long position, long upTo, int limit) {
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS
                        + " FROM analytics.event_log WHERE position > ? AND position <= ? ORDER BY position LIMIT ?")
                .params(position, upTo, limit).query((rs, row) -> LoggedEvent.read(rs, json)).list();
    }
}
