package org.partnershipledger.platform.axon;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;

/**
 * A tracked event that knows its own global position.
 *
 * <p>Why: a tracking token's position is not the event's position. Axon's gap-aware token is the highest position
 * a reader has seen, with the positions below it not seen yet (transactions that were still open). An event that
 * commits late fills one of those gaps, and its token still says the highest position: keyed by that, it would
 * collide with the event that really has that position and be dropped. {@link PositionedReads} works out each
 * event's own position as it is read and carries it here; Axon copies of the message (a new token during a replay,
 * more metadata) keep it.
 */
public final class PositionedEventMessage<T> extends GenericTrackedDomainEventMessage<T> {

    private final long position;

    private PositionedEventMessage(TrackingToken token, String type, String aggregateIdentifier, long sequenceNumber,
                                   Message<T> delegate, Supplier<Instant> timestamp, long position) {
        super(token, type, aggregateIdentifier, sequenceNumber, delegate, timestamp);
        this.position = position;
    }

    /** The same event, knowing its position; the payload, metadata and timestamp stay those already read. */
    static <T> PositionedEventMessage<T> of(GenericTrackedDomainEventMessage<T> event, long position) {
        return new PositionedEventMessage<>(event.trackingToken(), event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, event::getTimestamp, position);
    }

    /** The event's own global position in the store. */
    public long position() {
        return position;
    }

    /**
     * An event's own position where the message tells it: carried by {@link PositionedReads}, or the token's on a
     * store whose tokens are the event's own (Axon Server numbers its events 0, 1, 2 … with no gaps). Empty for
     * anything else, e.g. a gap-aware token on a message that was stored and read back as a dead letter: ask the
     * store then.
     */
    public static OptionalLong positionOf(EventMessage<?> message) {
        if (message instanceof PositionedEventMessage<?> positioned) {
            return OptionalLong.of(positioned.position);
        }
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            while (token instanceof ReplayToken replay) {
                token = replay.getCurrentToken();
            }
            // not through other wrappers: a merged segments' token says the further of the two positions
            if (token instanceof GlobalSequenceTrackingToken own) {
                return OptionalLong.of(own.getGlobalIndex());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public PositionedEventMessage<T> withTrackingToken(TrackingToken trackingToken) {
        return new PositionedEventMessage<>(trackingToken, getType(), getAggregateIdentifier(), getSequenceNumber(),
                getDelegate(), this::getTimestamp, position);
    }

    @Override
    public PositionedEventMessage<T> withMetaData(@Nonnull Map<String, ?> metaData) {
        return new PositionedEventMessage<>(trackingToken(), getType(), getAggregateIdentifier(), getSequenceNumber(),
                getDelegate().withMetaData(metaData), this::getTimestamp, position);
    }

    @Override
    public PositionedEventMessage<T> andMetaData(@Nonnull Map<String, ?> metaData) {
        return new PositionedEventMessage<>(trackingToken(), getType(), getAggregateIdentifier(), getSequenceNumber(),
                getDelegate().andMetaData(metaData), this::getTimestamp, position);
    }

    @Override
    protected String describeType() {
        return "PositionedEventMessage";
    }
}
