package org.partnershipledger.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.merkle.MerkleLog;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteSigner;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log: one Merkle tree leaf per event (table {@code audit_leaf}), appended by the {@code audit-log}
 * processor in the order it receives events, and the checkpoints signed over it ({@code audit_checkpoint}).
 *
 * <p>The tree is also held in memory (64 bytes a leaf) to answer roots and proofs in O(log² n). It is only ever
 * filled from committed rows ({@link #sync()}), never from a write still in flight, so a rolled-back batch cannot
 * leave it ahead of the table, and a second query-side node that does not append keeps up the same way.
 */
@Component
public class AuditLog {

    /** The processor that appends leaves. Never reset or rebuilt: a leaf's index is part of proofs handed out. */
    public static final String PROCESSOR = "audit-log";

    private static final String INSERT = """
            INSERT INTO query_side.audit_leaf (log_index, event_id, global_index, aggregate_id, sequence_number, leaf_hash,
                payload_salt, actor_salt, reason_salt, logged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** An event the processor received, with its own position and fresh salts, logged when its batch commits. */
    record Pending(EventMessage<?> message, long position, AuditLeaves.Salted salts) {
    }

    /** A leaf as stored: where it is in the log, which event, at which position, and its salts. */
    record StoredLeaf(long logIndex, String eventId, long position, byte[] leafHash, AuditLeaves.Salted salts) {
    }

    /** A checkpoint as kept: the tree size and root it signs, when, and the signed note itself. */
    public record SignedCheckpoint(long treeSize, String rootHash, Instant signedAt, String note) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AuditProperties properties;
    private final NoteSigner signer;
    private final MerkleLog tree = new MerkleLog();
    /** Leaves are built from the stored rows where the store has rows (PostgreSQL), else from the messages. */
    private final StoredEvents store;
    private final AuditLeaves leaves;

    AuditLog(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, ApplicationEventPublisher publisher,
             Clock clock, AuditProperties properties, LedgerDatabaseProperties database, StoredEvents store,
             AuditLeaves leaves) {
        this.jdbc = jdbc;
        this.store = store;
        this.leaves = leaves;
        this.batch = batch;
        this.transaction = transaction;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
        this.signer = AuditKeys.signer(properties, database.dataDir().resolve("audit").resolve("signing-key"));
    }

    public String origin() {
        return properties.origin();
    }

    public NoteVerifier publicKey() {
        return signer.verifier();
    }

    /** Brings the tree in memory up to the committed leaves; answers its size. */
    public synchronized long sync() {
        return syncTo(storedSize());
    }

    /**
     * How many leaves the table holds, by its highest index: a backward step on the primary key, as cheap on a
     * million leaves as on ten. (A query with {@code log_index >= ?} instead was planned, once prepared, as a scan
     * of the whole table, and ran for every batch.)
     */
    private long storedSize() {
        return jdbc.sql("SELECT coalesce(max(log_index), -1) + 1 FROM query_side.audit_leaf").query(Long.class)
                .single();
    }

    private long syncTo(long stored) {
        if (stored > tree.size()) {
            jdbc.sql("SELECT log_index, leaf_hash FROM query_side.audit_leaf WHERE log_index BETWEEN ? AND ? "
                            + "ORDER BY log_index")
                    .params(tree.size(), stored - 1)
                    .query(rs -> {
                        long index = rs.getLong(1);
                        if (index != tree.size()) {
                            throw new IllegalStateException("The audit log has no leaf at index " + tree.size()
                                    + " but one at " + index + ": its table was altered");
                        }
                        tree.append(rs.getBytes(2));
                    });
        }
        return tree.size();
    }

    /** Leaves a batch wrote, from the log index of the first: added to the tree in memory once it committed. */
    record Appended(long first, List<byte[]> leafHashes) {
    }

    /** The batch that wrote these leaves committed: the tree takes them without reading them back. */
    synchronized void committed(Appended appended) {
        if (tree.size() == appended.first()) {
            appended.leafHashes().forEach(tree::append);
        }
    }

    /** The tree as far as it was synced: for roots and proofs of sizes up to {@link #sync()}'s answer. */
    MerkleLog tree() {
        return tree;
    }

    /**
     * Appends the batch's events after those already committed, in the processor's transaction. An event already
     * logged (redelivered after a crash or a token reset) is skipped, so it never gets a second index. Each leaf
     * is built from the event's stored row, read in one query for the batch, so that it commits to what was
     * recorded rather than to an upcast reading of it.
     */
    synchronized Appended append(List<Pending> events) {
        long stored = storedSize();
        long next = syncTo(stored);
        if (stored != next) {
            throw new IllegalStateException("The audit log table holds " + stored + " leaves, but " + next
                    + " were logged: leaves were deleted from it. Nothing more is appended until it is restored "
                    + "(run ledger verify --store)");
        }
        if (events.isEmpty()) {
            return new Appended(next, List.of());
        }
        // The query side commits without waiting for the disk; the leaves must not, or a database crash could lose
        // a batch the tree in memory already took, and the log would then refuse to go on (rows "deleted").
        jdbc.sql("SET LOCAL synchronous_commit TO on").update();
        List<String> eventIds = events.stream().map(event -> event.message().getIdentifier()).toList();
        Set<String> logged = new HashSet<>(jdbc.sql("SELECT l.event_id FROM unnest(?::varchar[]) AS batch(id) "
                        + "JOIN query_side.audit_leaf l ON l.event_id = batch.id")
                .param(eventIds.toArray(String[]::new))
                .query(String.class).list());
        Map<String, StoredEvents.StoredEvent> rows = store.byIds(eventIds);
        Timestamp now = Timestamp.from(clock.instant());
        long first = next;
        List<byte[]> hashes = new ArrayList<>(events.size());
        List<Object[]> inserts = new ArrayList<>(events.size());
        for (Pending event : events) {
            String eventId = event.message().getIdentifier();
            if (logged.add(eventId)) {
                StoredEvents.StoredEvent row = rows.get(eventId);
                LeafEntry leaf = row != null ? row.leaf(event.salts()) : leaves.of(event.message(), event.salts());
                byte[] hash = leaf.leafHash();
                hashes.add(hash);
                inserts.add(new Object[]{next++, eventId, event.position(), leaf.aggregateId(),
                        leaf.aggregateId() == null ? null : leaf.sequenceNumber(), hash,
                        event.salts().payload(), event.salts().actor(), event.salts().reason(), now});
            }
        }
        batch.batchUpdate(INSERT, inserts);
        return new Appended(first, hashes);
    }

    /** The stored leaves of these events, by event id (events not logged yet are absent). */
    Map<String, StoredLeaf> leavesOf(List<String> eventIds) {
        Map<String, StoredLeaf> found = new HashMap<>();
        jdbc.sql("""
                        SELECT l.log_index, l.event_id, l.global_index, l.leaf_hash, l.payload_salt, l.actor_salt,
                            l.reason_salt
                        FROM unnest(?::varchar[]) AS wanted(id) JOIN query_side.audit_leaf l ON l.event_id = wanted.id""")
                .param(eventIds.toArray(String[]::new))
                .query(rs -> {
                    StoredLeaf leaf = new StoredLeaf(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4),
                            new AuditLeaves.Salted(rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)));
                    found.put(leaf.eventId(), leaf);
                });
        return found;
    }

    /** The leaf of the event at this global position (the stream's), if it is logged. */
    Optional<StoredLeaf> leafAt(long position) {
        return jdbc.sql("""
                        SELECT log_index, event_id, global_index, leaf_hash, payload_salt, actor_salt, reason_salt
                        FROM query_side.audit_leaf WHERE global_index = ? ORDER BY log_index LIMIT 1""")
                .param(position)
                .query((rs, n) -> new StoredLeaf(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4),
                        new AuditLeaves.Salted(rs.getBytes(5), rs.getBytes(6), rs.getBytes(7))))
                .optional();
    }

    /** How many events of each aggregate the log holds below a tree size. */
    Map<String, Long> loggedEvents(List<String> aggregateIds, long belowSize) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT l.aggregate_id, count(*) FROM unnest(?::varchar[]) AS wanted(id) "
                        + "JOIN query_side.audit_leaf l ON l.aggregate_id = wanted.id WHERE l.log_index < ? "
                        + "GROUP BY l.aggregate_id")
                .params(aggregateIds.toArray(String[]::new), belowSize)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The highest position the log has received an event from: it has passed every event below. */
    long highestLoggedPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), -1) FROM query_side.audit_leaf").query(Long.class).single();
    }

    public Optional<SignedCheckpoint> latest() {
        return jdbc.sql("SELECT tree_size, root_hash, signed_at, note FROM query_side.audit_checkpoint "
                        + "ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3), rs.getString(4)))
                .optional();
    }

    public Optional<SignedCheckpoint> checkpointOfSize(long treeSize) {
        return jdbc.sql("SELECT tree_size, root_hash, signed_at, note FROM query_side.audit_checkpoint WHERE tree_size = ?")
                .param(treeSize)
                .query((rs, n) -> checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3), rs.getString(4)))
                .optional();
    }

    /** Checkpoints in signing order, after a tree size. */
    public List<SignedCheckpoint> checkpoints(long afterSize, int limit) {
        return jdbc.sql("SELECT tree_size, root_hash, signed_at, note FROM query_side.audit_checkpoint WHERE tree_size > ? "
                        + "ORDER BY tree_size LIMIT ?")
                .params(afterSize, limit)
                .query((rs, n) -> checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3), rs.getString(4)))
                .list();
    }

    /**
     * Signs the whole log as it is now, unless the latest checkpoint already covers it; answers the latest
     * checkpoint either way (empty while nothing is logged).
     */
    public synchronized Optional<SignedCheckpoint> checkpointNow() {
        long size = sync();
        Optional<SignedCheckpoint> latest = latest();
        if (size == 0 || latest.isPresent() && latest.get().treeSize() >= size) {
            return latest;
        }
        return Optional.of(sign(size));
    }

    /**
     * The checkpoint is committed with synchronous commit even on the query side (which otherwise commits
     * asynchronously): it is about to be published, and a checkpoint lost in a crash after witnesses copied it
     * would look like a fork. Its commit also makes every earlier leaf durable, as the WAL is written in order.
     */
    private SignedCheckpoint sign(long size) {
        byte[] root = tree.root(size);
        String note = new Checkpoint(properties.origin(), size, root).sign(signer);
        Instant at = clock.instant();
        Boolean inserted = transaction.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO on").update();
            return jdbc.sql("INSERT INTO query_side.audit_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (tree_size) DO NOTHING")
                    .params(size, root, note, Timestamp.from(at)).update() == 1;
        });
        SignedCheckpoint checkpoint = checkpointOfSize(size).orElseThrow();
        if (Boolean.TRUE.equals(inserted)) {
            publisher.publishEvent(new CheckpointSigned(properties.origin(), size, checkpoint.rootHash(), note, at,
                    signer.verifier().fingerprint()));
        }
        return checkpoint;
    }

    private static SignedCheckpoint checkpoint(long size, byte[] root, Timestamp at, String note) {
        return new SignedCheckpoint(size, Base64.getEncoder().encodeToString(root), at.toInstant(), note);
    }
}
