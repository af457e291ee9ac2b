package org.partnershipledger.platform.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading each stored event's timestamp once and without a date formatter
 * ({@link StoredTimestamps}). Axon's entries keep the timestamp as text and parse it whenever it is asked for: twice
 * per event in a replay (the gap decision, then the message), and every parse went through a
 * {@link java.time.format.DateTimeFormatter}.
 *
 * <p>The tracking token after an event is worked out as Axon's engine does: an event recorded within the gap timeout
 * may still have positions below it being committed, so the token keeps those as gaps (up to {@code maxGapOffset}
 * behind); an older event leaves none. The first event read with no token before it keeps gaps from the store's
 * lowest position.
 */
public class LedgerJdbcStorageEngine extends JdbcEventStorageEngine {

    private final long gapTimeoutMillis;
    private final int maxGapOffset;
    private final long lowestGlobalSequence;

    LedgerJdbcStorageEngine(Builder builder, long gapTimeoutMillis, int maxGapOffset, long lowestGlobalSequence) {
        super(builder);
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.maxGapOffset = maxGapOffset;
        this.lowestGlobalSequence = lowestGlobalSequence;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long position = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // an event stored outside any aggregate carries its own identifier as aggregate identifier
        Entry<?> event = entry(resultSet, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier);
        boolean recent = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            SortedSet<Long> gaps = new TreeSet<>();
            for (long below = Math.min(lowestGlobalSequence, position); recent && below < position; below++) {
                gaps.add(below);
            }
            token = GapAwareTrackingToken.newInstance(position, gaps);
        } else {
            token = previousToken.advanceTo(position, recent ? maxGapOffset : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet, resultSet.getString(schema().aggregateIdentifierColumn()));
    }

    private Entry<?> entry(ResultSet resultSet, String aggregateIdentifier) throws SQLException {
        EventSchema schema = schema();
        String timestamp = (String) readTimeStamp(resultSet, schema.timestampColumn());
        return new Entry<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), resultSet.getString(schema.eventIdentifierColumn()),
                timestamp, StoredTimestamps.parse(timestamp), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp was read once. */
    static final class Entry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String stored,
              Instant timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, stored, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
