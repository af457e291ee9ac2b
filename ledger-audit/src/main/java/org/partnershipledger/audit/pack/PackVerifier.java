package org.partnershipledger.audit.pack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.leaf.PersonalField;
import org.partnershipledger.audit.merkle.MerkleProofs;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteException;
import org.partnershipledger.audit.note.NoteVerifier;

/**
 * Checks a pack with nothing but the pack and a public key the user trusts: no server, no database. Each event costs
 * one leaf hash and O(log n) node hashes, so a pack of n events verifies in O(n log n).
 */
public final class PackVerifier {

    /**
     * How far one event of an aggregate may be dated before the event it follows: the events of an aggregate are
     * recorded one after the other, so only a clock step back (a leap, an NTP correction) explains a small one.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final NoteVerifier key;

    public PackVerifier(NoteVerifier key) {
        this.key = key;
    }

    public VerificationResult verify(AuditPack pack) {
        return verify(pack, Optional.empty());
    }

    /** @param since an older signed checkpoint the user kept; the pack must prove the log only grew from it */
    public VerificationResult verify(AuditPack pack, Optional<String> since) {
        List<String> verified = new ArrayList<>();
        try {
            Checkpoint checkpoint = checkSignature(pack, verified);
            checkEvents(pack, checkpoint, verified);
            checkHistories(pack, verified);
            checkCompleteness(pack, verified);
            if (since.isPresent()) {
                checkGrowth(pack, checkpoint, since.get(), verified);
            }
            return VerificationResult.passed(verified);
        } catch (Failure failure) {
            return VerificationResult.failed(verified, failure.getMessage());
        }
    }

    private Checkpoint checkSignature(AuditPack pack, List<String> verified) {
        if (pack.publicKeyFingerprint() != null && !pack.publicKeyFingerprint().equals(key.fingerprint())) {
            throw new Failure("the pack was signed by the key with fingerprint " + pack.publicKeyFingerprint()
                    + ", but the key you supplied has fingerprint " + key.fingerprint());
        }
        Checkpoint checkpoint = open(pack.checkpoint(), "the pack's checkpoint");
        verified.add("checkpoint signed by " + key.keyName() + " (" + key.fingerprint() + "): log "
                + checkpoint.origin() + ", tree size " + checkpoint.size());
        return checkpoint;
    }

    private void checkEvents(AuditPack pack, Checkpoint checkpoint, List<String> verified) {
        Set<Long> indexes = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        byte[] root = checkpoint.rootHash();
        int erased = 0;
        for (int i = 0; i < pack.events().size(); i++) {
            PackEvent event = pack.events().get(i);
            String which = "event #" + (i + 1) + " (id " + event.entry().eventId() + ")";
            if (!indexes.add(event.logIndex())) {
                throw new Failure(which + ": log index " + event.logIndex() + " appears twice in the pack");
            }
            if (!eventIds.add(event.entry().eventId())) {
                throw new Failure(which + ": the same event id appears twice in the pack");
            }
            if (event.logIndex() < 0 || event.logIndex() >= checkpoint.size()) {
                throw new Failure(which + ": log index " + event.logIndex() + " is outside the checkpoint's tree of "
                        + checkpoint.size() + " entries");
            }
            boolean included = MerkleProofs.verifyInclusion(event.entry().leafHash(), event.logIndex(),
                    checkpoint.size(), event.inclusionProof(), root);
            if (!included) {
                throw new Failure(which + ": its leaf does not match the proof to the signed root at log index "
                        + event.logIndex() + " — it was changed or moved since it was logged");
            }
            erased += erasedFields(event.entry());
        }
        verified.add(pack.events().size() + " events: each leaf recomputed from its fields and proven to be in the"
                + " signed tree at its log index");
        if (erased > 0) {
            verified.add(erased + " erased personal fields: checked through the digests the log committed to");
        }
    }

    /**
     * Each aggregate's events must run 0, 1, 2… in log order (a gap is an event left out, a step back a reorder),
     * and be dated in order (an event dated before the one it follows was back-dated).
     */
    private void checkHistories(AuditPack pack, List<String> verified) {
        List<PackEvent> inLogOrder = new ArrayList<>(pack.events());
        inLogOrder.sort((a, b) -> Long.compare(a.logIndex(), b.logIndex()));
        Map<String, Long> nextSequence = new HashMap<>();
        Map<String, Instant> lastTimestamp = new HashMap<>();
        for (PackEvent event : inLogOrder) {
            LeafEntry entry = event.entry();
            if (entry.aggregateId() == null) {
                continue;
            }
            String aggregate = entry.aggregateType() + " " + entry.aggregateId();
            long expected = nextSequence.getOrDefault(aggregate, 0L);
            if (entry.sequenceNumber() != expected) {
                throw new Failure(aggregate + ": the event at log index " + event.logIndex() + " has sequence number "
                        + entry.sequenceNumber() + " where " + expected + " was due — "
                        + (entry.sequenceNumber() > expected ? "an event is missing from the pack"
                                : "events are out of order"));
            }
            nextSequence.put(aggregate, expected + 1);
            Instant previous = lastTimestamp.put(aggregate, entry.timestamp());
            if (previous != null && entry.timestamp().plus(CLOCK_SKEW).isBefore(previous)) {
                throw new Failure(aggregate + ": the event at log index " + event.logIndex() + " (sequence number "
                        + entry.sequenceNumber() + ") is dated " + entry.timestamp() + ", before the event it follows ("
                        + previous + ") — it was back-dated");
            }
        }
        verified.add(nextSequence.size() + " aggregate histories: complete from their first event, in order, and "
                + "dated in order");
    }

    /**
     * The server's account of what the log holds for each aggregate: as many events as the log holds must be in the
     * pack (fewer means events were deleted from the store), and no event may be in the store that the log passed
     * by without receiving (one was inserted behind the ledger's back).
     */
    private void checkCompleteness(AuditPack pack, List<String> verified) {
        for (AuditPack.Unlogged event : pack.unlogged()) {
            throw new Failure(event.aggregateType() + " " + event.aggregateId() + ": the store holds event "
                    + event.eventId() + " (sequence number " + event.sequenceNumber() + ", position "
                    + event.position() + ") that the audit log never received — it was written into the store "
                    + "behind the ledger's back");
        }
        Map<String, Long> packed = new HashMap<>();
        pack.events().forEach(event -> {
            if (event.entry().aggregateId() != null) {
                packed.merge(event.entry().aggregateId(), 1L, Long::sum);
            }
        });
        for (AuditPack.AggregateLog aggregate : pack.aggregates()) {
            long held = packed.getOrDefault(aggregate.aggregateId(), 0L);
            if (held != aggregate.loggedEvents()) {
                throw new Failure(aggregate.aggregateType() + " " + aggregate.aggregateId() + ": the audit log holds "
                        + aggregate.loggedEvents() + " of its events up to the checkpoint, the pack " + held
                        + (held < aggregate.loggedEvents() ? " — events were deleted from the store or left out"
                                : " — the pack holds events the log does not account for"));
            }
        }
        if (!pack.aggregates().isEmpty()) {
            verified.add(pack.aggregates().size() + " aggregates: as many events as the log holds for each, and "
                    + "none in the store that the log never received");
        }
    }

    private void checkGrowth(AuditPack pack, Checkpoint newer, String sinceNote, List<String> verified) {
        Checkpoint older = open(sinceNote, "the older checkpoint");
        if (!older.origin().equals(newer.origin())) {
            throw new Failure("the older checkpoint is of log " + older.origin() + ", not " + newer.origin());
        }
        if (older.size() > newer.size()) {
            throw new Failure("the older checkpoint has " + older.size() + " entries, more than the pack's "
                    + newer.size() + ": the log shrank, or the checkpoints are the other way round");
        }
        List<byte[]> proof = pack.consistencyProofs().stream()
                .filter(candidate -> candidate.fromSize() == older.size())
                .findFirst()
                .map(AuditPack.ConsistencyProof::proof)
                .orElse(older.size() == newer.size() ? List.of() : null);
        if (proof == null) {
            throw new Failure("the pack holds no consistency proof from tree size " + older.size()
                    + "; ask for a pack made since that checkpoint");
        }
        if (!MerkleProofs.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(), proof)) {
            throw new Failure("the log of " + newer.size() + " entries does not extend the older checkpoint of "
                    + older.size() + " entries: history before that checkpoint was rewritten");
        }
        verified.add("the log only grew: the checkpoint of " + older.size() + " entries is a prefix of the one of "
                + newer.size());
    }

    private Checkpoint open(String note, String what) {
        if (note == null) {
            throw new Failure(what + " is missing");
        }
        try {
            return Checkpoint.open(note, key);
        } catch (NoteException e) {
            throw new Failure(what + " does not verify: " + e.getMessage());
        }
    }

    private static int erasedFields(LeafEntry entry) {
        return (int) List.of(entry.payload(), entry.actor(), entry.reason()).stream()
                .filter(field -> field instanceof PersonalField.Erased)
                .count();
    }

    /** Unwinds to verify(): every check above stops at its first failure. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
