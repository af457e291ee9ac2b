package org.partnershipledger.query.audit;

import java.time.Instant;

/**
 * A checkpoint of the audit log was signed and stored (row of {@code query_side.audit_checkpoint}): published as a
 * Spring application event after its transaction committed, so that the stream and webhooks can hand it to every
 * integration, which thereby becomes a witness.
 *
 * @param origin      the log's name, the checkpoint's first line
 * @param treeSize    how many leaves the signed tree holds
 * @param rootHash    base64 of the tree's 32-byte root
 * @param note        the whole signed note (checkpoint text, blank line, signature lines)
 * @param fingerprint the signing key's fingerprint ({@code SHA256:…})
 */
public record CheckpointSigned(String origin, long treeSize, String rootHash, String note, Instant signedAt,
                               String fingerprint) {
}
