package org.partnershipledger.audit.pack;

import java.util.List;

/**
 * Everything needed to check a set of events offline: the events with their log indexes and inclusion proofs, the
 * signed checkpoint the proofs lead to, and consistency proofs from earlier tree sizes. docs/audit.md has the JSON.
 *
 * @param subject              what the pack is about, for people (e.g. "partnership P-17 and its programs")
 * @param publicKeyFingerprint the fingerprint of the key that signed the checkpoint; a hint, the signature decides
 * @param checkpoint           the signed note text of the checkpoint
 * @param aggregates           per aggregate in the pack, how many of its events the log holds below the checkpoint's
 *                             size: the pack must hold that many, so events deleted from the store show
 * @param unlogged             events the store holds for those aggregates at positions the log had already passed,
 *                             yet never logged: written behind the ledger's back; a pack listing any fails
 */
public record AuditPack(
        String format,
        String subject,
        String howToVerify,
        String publicKeyFingerprint,
        String checkpoint,
        List<PackEvent> events,
        List<ConsistencyProof> consistencyProofs,
        List<AggregateLog> aggregates,
        List<Unlogged> unlogged) {

    public static final String FORMAT = "partnership-ledger/audit-pack/v1";

    public AuditPack {
        events = List.copyOf(events);
        consistencyProofs = List.copyOf(consistencyProofs);
        aggregates = List.copyOf(aggregates);
        unlogged = List.copyOf(unlogged);
    }

    /** A pack that says nothing about completeness beyond its own events. */
    public AuditPack(String format, String subject, String howToVerify, String publicKeyFingerprint, String checkpoint,
                     List<PackEvent> events, List<ConsistencyProof> consistencyProofs) {
        this(format, subject, howToVerify, publicKeyFingerprint, checkpoint, events, consistencyProofs, List.of(),
                List.of());
    }

    /** How many events of one aggregate the log holds below the checkpoint's size. */
    public record AggregateLog(String aggregateType, String aggregateId, long loggedEvents) {
    }

    /** An event in the store that the log never received, though it had passed the event's position. */
    public record Unlogged(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                           long position) {
    }

    /** Proof that the checkpoint's tree extends the tree of fromSize leaves (RFC 9162 §2.1.4). */
    public record ConsistencyProof(long fromSize, List<byte[]> proof) {
        public ConsistencyProof {
            proof = List.copyOf(proof);
        }
    }
}
