package org.partnershipledger.query.integration;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.partnershipledger.query.audit.CheckpointSigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed checkpoints of the audit log as integrations receive them: read from {@code query_side.audit_checkpoint}
 * (the stored truth, so the stream and webhooks hand out the same bytes), with the signing key's fingerprint learnt
 * from the {@link CheckpointSigned} announcements (the table holds only the note) and kept in
 * {@code query_side.checkpoint_signing_key}.
 */
@Component
class Checkpoints {

    /**
     * How long a stored checkpoint whose key has not been announced yet waits for its announcement (which follows
     * its commit) before it is delivered without a fingerprint.
     */
    static final Duration ANNOUNCEMENT_GRACE = Duration.ofSeconds(30);
    private static final String SIGNATURE_LINE = "\u2014 ";
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final Queue<String> unsaved = new ConcurrentLinkedQueue<>();
    private volatile boolean loaded;

    Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Learns the key's fingerprint; memory only, as this runs on the signer's thread (stored by {@link #save()}). */
    @EventListener
    void learn(CheckpointSigned signed) {
        try {
            List<String> hints = keyHints(signed.note());
            if (!hints.isEmpty() && signed.fingerprint() != null
                    && !signed.fingerprint().equals(fingerprints.put(hints.get(0), signed.fingerprint()))) {
                unsaved.add(hints.get(0));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not learn the key of checkpoint {}", signed.treeSize(), e);
        }
    }

    /** Stores the fingerprints learnt since the last call. */
    void save() {
        for (String hint = unsaved.poll(); hint != null; hint = unsaved.poll()) {
            String fingerprint = fingerprints.get(hint);
            try {
                jdbc.sql("""
                                INSERT INTO query_side.checkpoint_signing_key (key_hint, fingerprint) VALUES (?, ?)
                                ON CONFLICT (key_hint) DO UPDATE SET fingerprint = EXCLUDED.fingerprint""")
                        .params(hint, fingerprint).update();
            } catch (DataAccessException e) {
                unsaved.add(hint);
                throw e;
            }
        }
    }

    /** The largest tree size signed so far, -1 if none. */
    long latestTreeSize() {
        return jdbc.sql("SELECT COALESCE(max(tree_size), -1) FROM query_side.audit_checkpoint")
                .query(Long.class).single();
    }

    /**
     * The stored checkpoints after the given tree size, ascending, at most {@code limit}; stops before one whose key
     * has not been announced yet, unless it was signed longer than {@link #ANNOUNCEMENT_GRACE} ago.
     */
    List<CheckpointData> after(long treeSize, int limit) {
        List<Row> rows = jdbc.sql("""
                        SELECT tree_size, root_hash, note, signed_at FROM query_side.audit_checkpoint
                        WHERE tree_size > ? ORDER BY tree_size LIMIT ?""")
                .params(treeSize, limit).query(Checkpoints::row).list();
        List<CheckpointData> checkpoints = new ArrayList<>();
        for (Row row : rows) {
            String fingerprint = fingerprintOf(row.note());
            if (fingerprint == null && row.signedAt().isAfter(Instant.now().minus(ANNOUNCEMENT_GRACE))) {
                break;
            }
            checkpoints.add(row.with(fingerprint));
        }
        return checkpoints;
    }

    /** The announced checkpoint as stored; as announced if it cannot be read back. */
    CheckpointData of(CheckpointSigned signed) {
        try {
            Optional<Row> stored = jdbc.sql("""
                            SELECT tree_size, root_hash, note, signed_at FROM query_side.audit_checkpoint
                            WHERE tree_size = ?""")
                    .param(signed.treeSize()).query(Checkpoints::row).optional();
            if (stored.isPresent() && stored.get().note().equals(signed.note())) {
                return stored.get().with(signed.fingerprint());
            }
        } catch (DataAccessException e) {
            LOG.warn("Could not read checkpoint {} back; sending it as announced", signed.treeSize(), e);
        }
        return new CheckpointData(signed.origin(), signed.treeSize(), signed.rootHash(), signed.note(),
                signed.signedAt(), signed.fingerprint());
    }

    private String fingerprintOf(String note) {
        if (!loaded) {
            loadFingerprints();
        }
        String known = knownFingerprintOf(note);
        if (known == null) { // learnt by another query-side node, the one that signed it
            loadFingerprints();
            known = knownFingerprintOf(note);
        }
        return known;
    }

    private String knownFingerprintOf(String note) {
        return keyHints(note).stream().map(fingerprints::get).filter(f -> f != null).findFirst().orElse(null);
    }

    private void loadFingerprints() {
        jdbc.sql("SELECT key_hint, fingerprint FROM query_side.checkpoint_signing_key")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> fingerprints.putIfAbsent(e.getKey(), e.getValue()));
        loaded = true;
    }

    /**
     * {@code <key name>+<hex key id>} of each signature line of a signed note (docs/audit.md §3): the line is
     * {@code — <key name> <base64(key id ‖ signature)>}, and the key id is the first 4 bytes.
     */
    static List<String> keyHints(String note) {
        List<String> hints = new ArrayList<>();
        int blank = note.indexOf("\n\n");
        if (blank < 0) {
            return hints;
        }
        for (String line : note.substring(blank + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_LINE)) {
                continue;
            }
            String[] parts = line.substring(SIGNATURE_LINE.length()).split(" ");
            if (parts.length != 2) {
                continue;
            }
            try {
                byte[] signature = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
                if (signature.length > 4) {
                    hints.add(parts[0] + "+" + HexFormat.of().formatHex(signature, 0, 4));
                }
            } catch (IllegalArgumentException notBase64) {
                // not a signature line after all
            }
        }
        return hints;
    }

    /** The origin: the checkpoint's first line. */
    static String originOf(String note) {
        int end = note.indexOf('\n');
        return end < 0 ? note : note.substring(0, end);
    }

    private record Row(long treeSize, byte[] rootHash, String note, Instant signedAt) {
        CheckpointData with(String fingerprint) {
            return new CheckpointData(originOf(note), treeSize, Base64.getEncoder().encodeToString(rootHash), note,
                    signedAt, fingerprint);
        }
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
                rs.getTimestamp("signed_at").toInstant());
    }
}
