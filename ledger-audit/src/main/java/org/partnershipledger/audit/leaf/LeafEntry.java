package org.partnershipledger.audit.leaf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.partnershipledger.audit.merkle.MerkleHashes;

/**
 * One event as the audit log sees it, and the canonical bytes an independent implementation recomputes from it
 * (docs/audit.md specifies them). Payload, actor and reason enter the bytes only as salted digests, so they can be
 * erased later while the leaf hash stays the same.
 *
 * @param aggregateType  null for an event that belongs to no aggregate, as is aggregateId
 * @param revision       the event type's revision, null when it has none
 * @param timestamp      as stored with the event; the bytes carry it to the nanosecond
 * @param payload        the payload JSON exactly as stored (its bytes, not a re-serialisation)
 * @param correlationId  null when absent, as is causationId
 */
public record LeafEntry(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String eventType,
        String revision,
        Instant timestamp,
        PersonalField payload,
        PersonalField actor,
        PersonalField reason,
        String correlationId,
        String causationId) {

    /** The first field of every leaf, so that a later format can never be confused with this one. */
    public static final String FORMAT = "partnership-ledger/leaf/v1";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public LeafEntry {
        requireText(eventId, "event id");
        requireText(eventType, "event type");
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.isBefore(FIRST) || timestamp.isAfter(LAST)) {
            throw new IllegalArgumentException("a timestamp must have a four-digit year: " + timestamp);
        }
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("a sequence number is never negative: " + sequenceNumber);
        }
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    /** The timestamp as the leaf carries it: UTC, always nine fractional digits (2026-03-01T09:30:00.120000000Z). */
    public static String canonicalTimestamp(Instant timestamp) {
        return TIMESTAMP.format(timestamp);
    }

    public byte[] canonicalBytes() {
        return new FieldEncoder()
                .text(FORMAT)
                .text(eventId)
                .text(aggregateType)
                .text(aggregateId)
                .text(Long.toString(sequenceNumber))
                .text(eventType)
                .text(revision)
                .text(canonicalTimestamp(timestamp))
                .bytes(payload.digest())
                .bytes(actor.digest())
                .bytes(reason.digest())
                .text(correlationId)
                .text(causationId)
                .toByteArray();
    }

    /** SHA-256(0x00 ‖ canonical bytes): what the Merkle log holds for this event. */
    public byte[] leafHash() {
        return MerkleHashes.leaf(canonicalBytes());
    }

    /** This entry after crypto-shredding its personal fields: same leaf hash, no personal values. */
    public LeafEntry erasePersonalFields() {
        return new LeafEntry(eventId, aggregateType, aggregateId, sequenceNumber, eventType, revision, timestamp,
                payload.erase(), actor.erase(), reason.erase(), correlationId, causationId);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a leaf needs its " + what);
        }
    }
}
