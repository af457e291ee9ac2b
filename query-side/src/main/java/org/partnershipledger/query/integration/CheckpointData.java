package org.partnershipledger.query.integration;

import java.time.Instant;

/**
 * The {@code data} of a {@code ledger.audit.checkpoint.v1} CloudEvent: one signed checkpoint of the audit log
 * (docs/audit.md §3), as stored in {@code query_side.audit_checkpoint}, handed to every integration so that it can
 * keep a copy and later catch a rewritten history.
 *
 * @param origin               the log's name, the checkpoint's first line
 * @param treeSize             how many leaves the signed tree holds
 * @param rootHash             base64 of the tree's 32-byte root
 * @param note                 the whole signed note: checkpoint text, blank line, signature lines
 * @param signedAt             when it was signed
 * @param publicKeyFingerprint the signing key's fingerprint ({@code SHA256:…}); absent only if the server could not
 *                             tell (it restarted between storing a checkpoint signed with a new key and announcing it)
 */
record CheckpointData(String origin, long treeSize, String rootHash, String note, Instant signedAt,
                        String publicKeyFingerprint) {
}
