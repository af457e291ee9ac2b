package org.partnershipledger.audit.pack;

import java.util.ArrayList;
import java.util.List;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.merkle.MerkleLog;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteVerifier;

/** Assembles a pack on the server, from the log and a checkpoint it signed. */
public final class AuditPacks {

    public static final String HOW_TO_VERIFY = """
            This file proves that the events in it are the ones the ledger logged, unchanged.
            To check it without trusting the server: `ledger verify <this file> --key <public key>`, with the public
            key you were given out of band (compare its fingerprint with publicKeyFingerprint). The verifier
            recomputes each event's leaf from its fields, follows its inclusion proof to the checkpoint's root, and
            checks the checkpoint's Ed25519 signature. `--since <older checkpoint>` also checks that the log only
            grew since that checkpoint. docs/audit.md specifies every byte, for anyone writing their own verifier.
            """;

    private AuditPacks() {
    }

    /** One event the server wants in the pack, with the log index it was appended at. */
    public record Logged(long logIndex, LeafEntry entry) {
    }

    /**
     * Builds a pack whose proofs lead to the signed checkpoint, plus a consistency proof from each of sinceSizes.
     *
     * @throws IllegalArgumentException if the checkpoint is not signed by the key, the log does not have the
     *     checkpoint's root, or an event's leaf is not the one logged at its index
     */
    public static AuditPack assemble(String subject, MerkleLog log, String signedCheckpoint, NoteVerifier key,
                                     List<Logged> events, List<Long> sinceSizes) {
        Checkpoint checkpoint = Checkpoint.open(signedCheckpoint, key);
        long size = checkpoint.size();
        if (!java.util.Arrays.equals(log.root(size), checkpoint.rootHash())) {
            throw new IllegalArgumentException("the log's root at size " + size + " is not the checkpoint's");
        }
        List<PackEvent> packed = new ArrayList<>(events.size());
        for (Logged event : events) {
            if (!java.util.Arrays.equals(log.leafHash(event.logIndex()), event.entry().leafHash())) {
                throw new IllegalArgumentException("event " + event.entry().eventId() + " is not the leaf logged at "
                        + event.logIndex());
            }
            packed.add(new PackEvent(event.logIndex(), event.entry(), log.inclusionProof(event.logIndex(), size)));
        }
        List<AuditPack.ConsistencyProof> proofs = sinceSizes.stream()
                .map(from -> new AuditPack.ConsistencyProof(from, log.consistencyProof(from, size)))
                .toList();
        return new AuditPack(AuditPack.FORMAT, subject, HOW_TO_VERIFY, key.fingerprint(), signedCheckpoint, packed,
                proofs);
    }
}
