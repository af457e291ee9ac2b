package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored webhook subscriptions. */
@Component
class WebhookSubscriptions {

    /** A subscription as its owner sees it: everything but the secret. */
    @Schema(name = "WebhookSubscription")
    record View(String subscriptionId, String url, List<String> types, String partnershipId, String state,
                long position, long delivered, int consecutiveFailures, String lastError, Instant nextAttemptAt,
                Instant createdAt) {
    }

    /** What the delivery worker needs of a subscription. */
    record Due(String subscriptionId, String url, StreamSubscriber.Filter filter, String secret, long position,
               int consecutiveFailures) {
    }

    private static final String VIEW_COLUMNS = """
            subscription_id, url, types, partnership_id, state, position, delivered, consecutive_failures,
            last_error, next_attempt_at, created_at""";

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, String owner, String url, List<String> types, String partnershipId, String secret,
                long position) {
        jdbc.sql("""
                        INSERT INTO query_side.webhook_subscription (subscription_id, owner, url, types, partnership_id,
                            secret, state, position) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(id, owner, url, types.toArray(String[]::new), partnershipId, secret, position).update();
    }

    List<View> ofOwner(String owner) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM query_side.webhook_subscription WHERE owner = ? ORDER BY created_at")
                .param(owner).query((rs, row) -> view(rs)).list();
    }

    Optional<View> find(String owner, String id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS
                        + " FROM query_side.webhook_subscription WHERE owner = ? AND subscription_id = ?")
                .params(owner, id).query((rs, row) -> view(rs)).optional();
    }

    boolean setState(String owner, String id, String state) {
        return jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET state = ?, consecutive_failures = 0,
                            next_attempt_at = now() WHERE owner = ? AND subscription_id = ?""")
                .params(state, owner, id).update() == 1;
    }

    boolean delete(String owner, String id) {
        return jdbc.sql("DELETE FROM query_side.webhook_subscription WHERE owner = ? AND subscription_id = ?")
                .params(owner, id).update() == 1;
    }

    List<Due> due() {
        return jdbc.sql("""
                        SELECT subscription_id, url, types, partnership_id, secret, position, consecutive_failures
                        FROM query_side.webhook_subscription WHERE state = 'ACTIVE' AND next_attempt_at <= now()""")
                .query((rs, row) -> new Due(rs.getString("subscription_id"), rs.getString("url"),
                        new StreamSubscriber.Filter(Arrays.asList((String[]) rs.getArray("types").getArray()),
                                rs.getString("partnership_id")),
                        rs.getString("secret"), rs.getLong("position"), rs.getInt("consecutive_failures")))
                .list();
    }

    void delivered(String id, long position, boolean counted) {
        jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET position = ?, delivered = delivered + ?,
                            consecutive_failures = 0, last_error = NULL WHERE subscription_id = ?""")
                .params(position, counted ? 1 : 0, id).update();
    }

    void failed(String id, int failures, String error, Instant retryAt, boolean pause) {
        jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET consecutive_failures = ?, last_error = ?,
                            next_attempt_at = ?, state = CASE WHEN ? THEN 'PAUSED' ELSE state END
                        WHERE subscription_id = ?""")
                .params(failures, error, Timestamp.from(retryAt), pause, id).update();
    }

    private static View view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new View(rs.getString("subscription_id"), rs.getString("url"),
                Arrays.asList((String[]) rs.getArray("types").getArray()), rs.getString("partnership_id"),
                rs.getString("state"), rs.getLong("position"), rs.getLong("delivered"),
                rs.getInt("consecutive_failures"), rs.getString("last_error"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
