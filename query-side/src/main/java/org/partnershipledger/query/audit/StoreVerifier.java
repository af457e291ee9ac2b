package org.partnershipledger.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.partnershipledger.audit.merkle.MerkleLog;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteException;
import org.partnershipledger.audit.pack.PackVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the whole audit log from the event store's table and compares it with the stored log and its signed
 * checkpoints ({@code ledger verify --store}). It reads the store's rows directly, not through Axon, so that what it
 * checks is exactly what is stored, and it builds every leaf from the raw columns itself: a second way to the same
 * bytes as the appender's, which reads events through Axon.
 *
 * <p>Events and leaves are compared position by position, a slice of positions at a time. At each position:
 * <ul>
 *   <li>an event and its leaf: the leaf recomputed from the event must be the logged one ({@code CHANGED});</li>
 *   <li>another event where the log has one: {@code MOVED} (swapped or replaced);</li>
 *   <li>a leaf and no event: {@code MISSING} (deleted);</li>
 *   <li>an event the log never received though it received later ones: {@code INSERTED};</li>
 *   <li>an event dated before events stored ahead of it (beyond the clock skew a transaction can explain):
 *       {@code BACKDATED}, a decision slipped in later with an earlier date;</li>
 * </ul>
 * then the stored leaves, in log order, must rebuild the root of every signed checkpoint ({@code LOG_ALTERED}),
 * and every checkpoint's signature must hold ({@code CHECKPOINT_INVALID}).
 */
@Component
class StoreVerifier {

    static final int SLICE = 20_000;

    /** The first thing found wrong, and how many things were found. */
    record Finding(String kind, Long position, Long logIndex, String eventId, String detail) {
    }

    record Outcome(long checkedEvents, long checkpointsChecked, long findings, Finding first) {
    }

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final StoredEvents store;

    StoreVerifier(JdbcClient jdbc, AuditLog log, StoredEvents store) {
        this.jdbc = jdbc;
        this.log = log;
        this.store = store;
    }

    /** How many positions the verification goes through: up to the last of the store's and the log's. */
    long total() {
        return lastPosition() + 1;
    }

    private long lastPosition() {
        return jdbc.sql("SELECT greatest((SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry),"
                + " (SELECT coalesce(max(global_index), -1) FROM query_side.audit_leaf))").query(Long.class).single();
    }

    Outcome verify(LongConsumer progress) {
        long[] done = {0};
        Findings findings = new Findings();
        long passed = log.highestLoggedPosition();
        long last = lastPosition();
        Instant[] latestDated = {null};
        for (long from = 0; from <= last; from += SLICE) {
            slice(from, from + SLICE, passed, latestDated, findings);
            done[0] = Math.min(done[0] + SLICE, last + 1);
            progress.accept(done[0]);
        }
        long checkpoints = checkLog(findings);
        return new Outcome(done[0], checkpoints, findings.count, findings.first);
    }

    private void slice(long from, long to, long passed, Instant[] latestDated, Findings findings) {
        TreeMap<Long, StoredEvents.StoredEvent> events = new TreeMap<>();
        store.between(from, to).forEach(event -> events.put(event.position(), event));
        TreeMap<Long, AuditLog.StoredLeaf> leaves = new TreeMap<>();
        jdbc.sql("""
                        SELECT log_index, event_id, global_index, leaf_hash, payload_salt, actor_salt, reason_salt
                        FROM query_side.audit_leaf WHERE global_index >= ? AND global_index < ?""")
                .params(from, to)
                .query(rs -> {
                    leaves.put(rs.getLong(3), new AuditLog.StoredLeaf(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getBytes(4), new AuditLeaves.Salted(rs.getBytes(5), rs.getBytes(6), rs.getBytes(7))));
                });
        TreeMap<Long, Boolean> positions = new TreeMap<>();
        events.keySet().forEach(p -> positions.put(p, true));
        leaves.keySet().forEach(p -> positions.put(p, true));
        for (long position : positions.keySet()) {
            compare(position, events.get(position), leaves.get(position), passed, latestDated, findings);
        }
    }

    private void compare(long position, StoredEvents.StoredEvent event, AuditLog.StoredLeaf leaf, long passed,
                         Instant[] latestDated, Findings findings) {
        if (event == null) {
            findings.add(new Finding("MISSING", position, leaf.logIndex(), leaf.eventId(), "event " + leaf.eventId()
                    + ", logged at index " + leaf.logIndex() + " from position " + position
                    + ", is no longer in the event store: it was deleted"));
            return;
        }
        if (event.readableTimestamp()) {
            Instant latest = latestDated[0];
            if (latest != null && event.timestamp().plus(PackVerifier.CLOCK_SKEW).isBefore(latest)) {
                findings.add(new Finding("BACKDATED", position, leaf == null ? null : leaf.logIndex(), event.eventId(),
                        "event " + event.eventId() + " at position " + position + " (" + event.aggregateType() + " "
                                + event.aggregateId() + ", sequence number " + event.sequenceNumber() + ") is dated "
                                + event.timestamp() + ", before events recorded ahead of it (" + latest
                                + "): it was back-dated"));
            } else if (latest == null || event.timestamp().isAfter(latest)) {
                latestDated[0] = event.timestamp();
            }
        }
        if (leaf == null) {
            if (position < passed) {
                findings.add(new Finding("INSERTED", position, null, event.eventId(), "event " + event.eventId()
                        + " at position " + position + " (" + event.aggregateType() + " " + event.aggregateId()
                        + ", sequence number " + event.sequenceNumber() + ") was never logged, though the log "
                        + "received later events: it was written into the store behind the ledger's back"));
            }
            return;
        }
        if (!event.eventId().equals(leaf.eventId())) {
            findings.add(new Finding("MOVED", position, leaf.logIndex(), event.eventId(), "position " + position
                    + " holds event " + event.eventId() + ", but the log received " + leaf.eventId()
                    + " there (log index " + leaf.logIndex() + "): events were swapped, moved or replaced"));
            return;
        }
        byte[] recomputed;
        try {
            recomputed = event.leaf(leaf.salts()).leafHash();
        } catch (RuntimeException unreadable) { // e.g. a timestamp edited into something that is no time
            recomputed = new byte[0];
        }
        if (!Arrays.equals(recomputed, leaf.leafHash())) {
            findings.add(new Finding("CHANGED", position, leaf.logIndex(), event.eventId(), "event " + event.eventId()
                    + " at position " + position + " (log index " + leaf.logIndex() + ") is not what was logged: "
                    + "its payload, metadata (actor, reason, ids), type, timestamp or aggregate was changed"));
        }
    }

    /** Rebuilds the tree from the stored leaves in log order and checks every signed checkpoint against it. */
    private long checkLog(Findings findings) {
        List<AuditLog.SignedCheckpoint> checkpoints = new ArrayList<>();
        for (long after = 0; ; ) {
            List<AuditLog.SignedCheckpoint> page = log.checkpoints(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            checkpoints.addAll(page);
            after = page.get(page.size() - 1).treeSize();
        }
        MerkleLog rebuilt = new MerkleLog();
        long[] expected = {0};
        boolean[] holes = {false};
        jdbc.sql("SELECT log_index, leaf_hash FROM query_side.audit_leaf ORDER BY log_index").query(rs -> {
            if (rs.getLong(1) != expected[0] && !holes[0]) {
                holes[0] = true;
                findings.add(new Finding("LOG_ALTERED", null, expected[0], null, "the audit log has no leaf at index "
                        + expected[0] + ": leaves were deleted from it"));
            }
            expected[0] = rs.getLong(1) + 1;
            rebuilt.append(rs.getBytes(2));
        });
        long checked = 0;
        for (AuditLog.SignedCheckpoint signed : checkpoints) {
            checked++;
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.open(signed.note(), log.publicKey());
            } catch (NoteException e) {
                findings.add(new Finding("CHECKPOINT_INVALID", null, signed.treeSize(), null, "the checkpoint of tree size "
                        + signed.treeSize() + " does not verify with the log's key: " + e.getMessage()));
                continue;
            }
            if (checkpoint.size() != signed.treeSize()
                    || !Arrays.equals(checkpoint.rootHash(), Base64.getDecoder().decode(signed.rootHash()))) {
                findings.add(new Finding("CHECKPOINT_INVALID", null, signed.treeSize(), null, "the stored checkpoint "
                        + "row of tree size " + signed.treeSize() + " disagrees with its signed note"));
                continue;
            }
            if (checkpoint.size() > rebuilt.size()
                    || !Arrays.equals(rebuilt.root(checkpoint.size()), checkpoint.rootHash())) {
                findings.add(new Finding("LOG_ALTERED", null, checkpoint.size(), null, "the stored leaves no longer "
                        + "give the root signed at tree size " + checkpoint.size() + ": the log was altered"));
            }
        }
        return checked;
    }

    /** The first finding in position order (then the log's), and how many there were. */
    private static final class Findings {
        long count;
        Finding first;

        void add(Finding finding) {
            count++;
            if (first == null) {
                first = finding;
            }
        }
    }
}
