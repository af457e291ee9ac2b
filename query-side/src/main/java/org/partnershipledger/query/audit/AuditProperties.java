package org.partnershipledger.query.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit log's settings ({@code ledger.audit.*}).
 *
 * @param enabled            whether events are logged and checkpoints signed (off only to measure what the log costs)
 * @param origin             the log's name, first line of every checkpoint; never reuse it for another log
 * @param signingKey         the Ed25519 signing key as signed-note private key text ({@code PRIVATE+KEY+…}); in
 *                           production it comes from configuration (a secret store), never from the data directory
 * @param keyFile            where the embedded default keeps the key it generated on first start (default
 *                           {@code <ledger.db.data-dir>/audit/signing-key})
 * @param checkpointEvery    sign a checkpoint once this many events were logged since the last one
 * @param checkpointInterval and at the latest this long after the first event that the last checkpoint lacks
 */
@ConfigurationProperties("ledger.audit")
public record AuditProperties(Boolean enabled, String origin, String signingKey, Path keyFile,
                              Long checkpointEvery, Duration checkpointInterval) {

    public AuditProperties {
        enabled = enabled == null || enabled;
        origin = origin == null || origin.isBlank() ? "partnership-ledger.local/audit" : origin.trim();
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.trim();
        checkpointEvery = checkpointEvery == null ? 1000L : checkpointEvery;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(10) : checkpointInterval;
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("ledger.audit.checkpoint-every must be at least 1");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()
                || checkpointInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "ledger.audit.checkpoint-interval must be above 0 and at most 10 s: " + checkpointInterval);
        }
    }
}
