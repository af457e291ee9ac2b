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

    /**
     * What the delivery worker needs of a subscription; {@code checkpointTreeSize} is the tree size of the last
     * checkpoint delivered (-1 for none).
     */
    record Due(String subscriptionId, String url, StreamSubscriber.Filter filter, String secret, long position,
               int consecutiveFailures, long checkpointTreeSize) {

        boolean wantsCheckpoints() {
            return filter.acceptsCheckpoints();
        }
    }

    private static final String VIEW_COLUMNS = """
            subscription_id, url, types, partnership_id, state, position, delivered, consecutive_failures,
            last_error, next_attempt_at, created_at""";

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new subscription; of the checkpoints signed so far it is to receive the latest only. */
    void create(String id, String owner, String url, List<String> types, String partnershipId, String secret,
                long position) {
        jdbc.sql("""
                        INSERT INTO query_side.webhook_subscription (subscription_id, owner, url, types, partnership_id,
                            secret, state, position, checkpoint_tree_size) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?,
                            (SELECT COALESCE(max(tree_size) - 1, -1) FROM query_side.audit_checkpoint))""")
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
                        SELECT subscription_id, url, types, partnership_id, secret, position, consecutive_failures,
                            checkpoint_tree_size
                        FROM query_side.webhook_subscription WHERE state = 'ACTIVE' AND next_attempt_at <= now()""")
                .query((rs, row) -> new Due(rs.getString("subscription_id"), rs.getString("url"),
                        new StreamSubscriber.Filter(Arrays.asList((String[]) rs.getArray("types").getArray()),
                                rs.getString("partnership_id")),
                        rs.getString("secret"), rs.getLong("position"), rs.getInt("consecutive_failures"),
                        rs.getLong("checkpoint_tree_size")))
                .list();
    }

    void delivered(String id, long position, boolean counted) {
        jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET position = ?, delivered = delivered + ?,
                            consecutive_failures = 0, last_error = NULL WHERE subscription_id = ?""")
                .params(position, counted ? 1 : 0, id).update();
    }

    /** The checkpoint of this tree size was delivered (counted as a delivery). */
    void checkpointDelivered(String id, long treeSize) {
        jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET checkpoint_tree_size = ?, delivered = delivered + 1,
                            consecutive_failures = 0, last_error = NULL WHERE subscription_id = ?""")
                .params(treeSize, id).update();
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
