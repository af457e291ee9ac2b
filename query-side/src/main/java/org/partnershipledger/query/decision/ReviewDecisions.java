package org.partnershipledger.query.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.readmodel.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the board asks of decisions by review. Reviews and the decisions naming them are facts that never change
 * once recorded, so "as it was at instant T" is exactly those recorded at or before T.
 */
@Component
public class ReviewDecisions {

    public static final String READ_MODEL = ReviewDecisionProjection.NAME;

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final String UP_TO = "(CAST(:asOf AS timestamptz) IS NULL OR %s <= :asOf)";

    private final JdbcClient jdbc;
    private final Json json;
    private final EventLog log;

    ReviewDecisions(JdbcClient jdbc, Json json, EventLog log) {
        this.jdbc = jdbc;
        this.json = json;
        this.log = log;
    }

    /**
     * A business review: its period, when and by whom it was recorded, who attended, the decisions its minutes
     * list, and how many decisions recorded in the ledger name it as their decisionRef.
     */
    public record BusinessReview(String period, Instant heldAt, String recordedBy, List<String> attendees,
                         List<String> decisions, long ledgerDecisions) {
    }

    /** The partnership's reviews in the order they were held, as at {@code asOf} (null: now). */
    public List<BusinessReview> reviews(String partnershipId, Instant asOf) {
        return jdbc.sql("SELECT " + columns() + " FROM query_side.business_review r WHERE r.partnership_id = :id AND "
                        + UP_TO.formatted("r.held_at") + " ORDER BY r.position")
                .params(params(partnershipId, null, asOf)).query((rs, row) -> review(rs)).list();
    }

    /** One review, by its period, as at {@code asOf}. */
    public Optional<BusinessReview> review(String partnershipId, String period, Instant asOf) {
        return jdbc.sql("SELECT " + columns() + " FROM query_side.business_review r WHERE r.partnership_id = :id"
                        + " AND r.period = :period AND " + UP_TO.formatted("r.held_at"))
                .params(params(partnershipId, period, asOf)).query((rs, row) -> review(rs)).optional();
    }

    /** Every event that named the review as its decisionRef, in the order recorded, as at {@code asOf}. */
    public List<LoggedEvent> decisions(String partnershipId, String period, Instant asOf) {
        return jdbc.sql("SELECT " + LoggedEvent.COLUMNS + """
                         FROM query_side.review_decision
                        WHERE partnership_id = :id AND decision_ref = :period AND\s""" + UP_TO.formatted("occurred_at")
                        + " ORDER BY position")
                .params(params(partnershipId, period, asOf)).query((rs, row) -> log.read(rs)).list();
    }

    private static String columns() {
        return """
                r.period, r.held_at, r.recorded_by, r.attendees::text AS attendees, r.decisions::text AS decisions,
                (SELECT count(*) FROM query_side.review_decision d WHERE d.partnership_id = r.partnership_id
                   AND d.decision_ref = r.period AND\s""" + UP_TO.formatted("d.occurred_at") + ") AS ledger_decisions";
    }

    private BusinessReview review(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BusinessReview(rs.getString("period"), rs.getTimestamp("held_at").toInstant(),
                rs.getString("recorded_by"), texts(rs.getString("attendees")), texts(rs.getString("decisions")),
                rs.getLong("ledger_decisions"));
    }

    private List<String> texts(String stored) {
        try {
            return json.mapper().readValue(stored, TEXTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored review is not a list of texts", e);
        }
    }

    private static Map<String, Object> params(String partnershipId, String period, Instant asOf) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", partnershipId);
        params.put("period", period);
        params.put("asOf", asOf == null ? null : Timestamp.from(asOf));
        return params;
    }
}
