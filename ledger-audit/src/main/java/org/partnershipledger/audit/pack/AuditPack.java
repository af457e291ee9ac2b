package org.partnershipledger.audit.pack;

import java.util.List;

/**
 * Everything needed to check a set of events offline: the events with their log indexes and inclusion proofs, the
 * signed checkpoint the proofs lead to, and consistency proofs from earlier tree sizes. docs/audit.md has the JSON.
 *
 * @param subject              what the pack is about, for people (e.g. "partnership P-17 and its programs")
 * @param publicKeyFingerprint the fingerprint of the key that signed the checkpoint; a hint, the signature decides
 * @param checkpoint           the signed note text of the checkpoint
 */
public record AuditPack(
        String format,
        String subject,
        String howToVerify,
        String publicKeyFingerprint,
        String checkpoint,
        List<PackEvent> events,
        List<ConsistencyProof> consistencyProofs) {

    public static final String FORMAT = "partnership-ledger/audit-pack/v1";

    public AuditPack {
        events = List.copyOf(events);
        consistencyProofs = List.copyOf(consistencyProofs);
    }

    /** Proof that the checkpoint's tree extends the tree of fromSize leaves (RFC 9162 §2.1.4). */
    public record ConsistencyProof(long fromSize, List<byte[]> proof) {
        public ConsistencyProof {
            proof = List.copyOf(proof);
        }
    }
}
