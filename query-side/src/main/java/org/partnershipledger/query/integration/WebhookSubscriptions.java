package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored webhook subscriptions. Their secrets are stored sealed ({@link SecretCipher}); they are opened only to
 * sign a delivery, and no answer, message or log line holds them.
 */
@Component
class WebhookSubscriptions implements SmartInitializingSingleton {

    /**
     * A subscription as its owner sees it: everything but the secret; {@code previousSecretValidUntil} is when
     * deliveries stop carrying a signature with the secret a rotation replaced (absent when none do).
     */
    @Schema(name = "WebhookSubscription")
    record View(String subscriptionId, String url, List<String> types, String partnershipId, String state,
                long position, long delivered, int consecutiveFailures, String lastError, Instant nextAttemptAt,
                Instant previousSecretValidUntil, Instant createdAt) {
    }

    /**
     * What the delivery worker needs of a subscription; {@code checkpointTreeSize} is the tree size of the last
     * checkpoint delivered (-1 for none).
     */
    record Due(String subscriptionId, String url, StreamSubscriber.Filter filter, Sealed secrets, long position,
               int consecutiveFailures, long checkpointTreeSize) {

        boolean wantsCheckpoints() {
            return filter.acceptsCheckpoints();
        }
    }

    /** A subscription's secrets as stored, sealed; the one a rotation replaced is kept until {@code previousUntil}. */
    record Sealed(byte[] current, byte[] previous, Instant previousUntil) {

        @Override
        public String toString() {
            return "Sealed[secrets redacted, previousUntil=" + previousUntil + "]";
        }
    }

    /** The secrets a delivery signs with: the current one, and the one it replaced until the overlap ends. */
    record SigningSecrets(WebhookSecret current, WebhookSecret previous, Instant previousUntil) {

        List<WebhookSecret> at(Instant now) {
            return previous != null && now.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
        }
    }

    private static final String VIEW_COLUMNS = """
            subscription_id, url, types, partnership_id, state, position, delivered, consecutive_failures,
            last_error, next_attempt_at, created_at,
            CASE WHEN previous_secret_until > now() THEN previous_secret_until END AS previous_secret_until""";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscriptions.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Set<String> unopenedPrevious = ConcurrentHashMap.newKeySet();

    WebhookSubscriptions(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Once the schema is migrated, before anything is delivered or served: no secret stays in plaintext. */
    @Override
    public void afterSingletonsInstantiated() {
        int sealed = sealPlaintextSecrets();
        if (sealed > 0) {
            LOG.info("Sealed the plaintext secrets of {} webhook subscriptions", sealed);
        }
    }

    /**
     * Seals the secrets earlier versions stored in plaintext; their key stays their UTF-8 bytes, as it was for
     * {@code X-Ledger-Signature}. Idempotent, and safe while another query side does the same.
     */
    int sealPlaintextSecrets() {
        List<Map.Entry<String, String>> plaintext = jdbc.sql("""
                        SELECT subscription_id, plaintext_secret FROM query_side.webhook_subscription
                        WHERE plaintext_secret IS NOT NULL""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        int sealed = 0;
        for (Map.Entry<String, String> row : plaintext) {
            sealed += jdbc.sql("""
                            UPDATE query_side.webhook_subscription SET secret_sealed = ?, plaintext_secret = NULL
                            WHERE subscription_id = ? AND plaintext_secret IS NOT NULL""")
                    .params(cipher.seal(row.getValue().getBytes(StandardCharsets.UTF_8), row.getKey()), row.getKey())
                    .update();
        }
        return sealed;
    }

    /** A new subscription; of the checkpoints signed so far it is to receive the latest only. */
    void create(String id, String owner, String url, List<String> types, String partnershipId, WebhookSecret secret,
                long position) {
        jdbc.sql("""
                        INSERT INTO query_side.webhook_subscription (subscription_id, owner, url, types, partnership_id,
                            secret_sealed, state, position, checkpoint_tree_size) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?,
                            (SELECT COALESCE(max(tree_size) - 1, -1) FROM query_side.audit_checkpoint))""")
                .params(id, owner, url, types.toArray(String[]::new), partnershipId, cipher.seal(secret.key(), id),
                        position).update();
    }

    /**
     * Replaces the owner's subscription's secret; the one replaced stays in use (as a second signature) until
     * {@code previousUntil}. A rotation within an overlap drops the secret before the one replaced.
     */
    boolean rotate(String owner, String id, WebhookSecret next, Instant previousUntil) {
        return jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET previous_secret_sealed = secret_sealed,
                            previous_secret_until = ?, secret_sealed = ?
                        WHERE owner = ? AND subscription_id = ?""")
                .params(Timestamp.from(previousUntil), cipher.seal(next.key(), id), owner, id).update() == 1;
    }

    /** Forgets the replaced secrets whose overlap is over. */
    void forgetExpiredSecrets() {
        jdbc.sql("""
                        UPDATE query_side.webhook_subscription SET previous_secret_sealed = NULL,
                            previous_secret_until = NULL WHERE previous_secret_until <= now()""")
                .update();
    }

    /**
     * Opens the secrets a delivery signs with. Fails if the current one cannot be opened (sealed under another key,
     * or changed); a replaced one that cannot be opened is left out.
     */
    SigningSecrets open(Due due) throws GeneralSecurityException {
        if (due.secrets().current() == null) {
            throw new GeneralSecurityException("The secret is not sealed yet");
        }
        WebhookSecret current = WebhookSecret.of(cipher.open(due.secrets().current(), due.subscriptionId()));
        WebhookSecret previous = null;
        if (due.secrets().previous() != null) {
            try {
                previous = WebhookSecret.of(cipher.open(due.secrets().previous(), due.subscriptionId()));
            } catch (GeneralSecurityException e) {
                if (unopenedPrevious.add(due.subscriptionId())) {
                    LOG.warn("The replaced secret of webhook subscription {} cannot be opened; signing with the "
                            + "current one only", due.subscriptionId());
                }
            }
        }
        return new SigningSecrets(current, previous, due.secrets().previousUntil());
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
                        SELECT subscription_id, url, types, partnership_id, secret_sealed, previous_secret_sealed,
                            previous_secret_until, position, consecutive_failures, checkpoint_tree_size
                        FROM query_side.webhook_subscription WHERE state = 'ACTIVE' AND next_attempt_at <= now()""")
                .query((rs, row) -> new Due(rs.getString("subscription_id"), rs.getString("url"),
                        new StreamSubscriber.Filter(Arrays.asList((String[]) rs.getArray("types").getArray()),
                                rs.getString("partnership_id")),
                        new Sealed(rs.getBytes("secret_sealed"), rs.getBytes("previous_secret_sealed"),
                                instant(rs.getTimestamp("previous_secret_until"))),
                        rs.getLong("position"), rs.getInt("consecutive_failures"),
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
                rs.getTimestamp("next_attempt_at").toInstant(), instant(rs.getTimestamp("previous_secret_until")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
