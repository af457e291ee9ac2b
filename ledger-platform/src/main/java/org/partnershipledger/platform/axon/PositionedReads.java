package org.partnershipledger.platform.axon;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Gives every event a tracking reader reads its own global position ({@link PositionedEventMessage}).
 *
 * <p>The JDBC storage engine reads events in position order and gives each the token after it, built from the
 * token before it: either the event lies past the token's highest position, and then its position is the new
 * highest one, or it fills one of the token's gaps, and then the highest position stays and the gap is gone. So
 * the two tokens around an event tell its position, at no cost. When they do not tell it exactly (the engine also
 * drops gaps older than its gap timeout while it reads, so two gaps can vanish at once) the message is left as it
 * is, and whoever needs the position asks the store for it by the event's identifier.
 */
public class PositionedReads extends StorageEngineDecorator {

    public PositionedReads(EventStorageEngine delegate) {
        super(delegate);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        TrackingToken[] before = {trackingToken == null ? null : WrappedToken.unwrapLowerBound(trackingToken)};
        return delegate.readEvents(trackingToken, mayBlock).map(event -> {
            TrackingToken after = event.trackingToken();
            OptionalLong position = positionBetween(before[0], after);
            before[0] = after;
            return position.isPresent() && event instanceof GenericTrackedDomainEventMessage<?> domain
                    ? PositionedEventMessage.of(domain, position.getAsLong()) : event;
        });
    }

    /** The position of the event read between two tokens, where they tell it for certain. */
    static OptionalLong positionBetween(TrackingToken before, TrackingToken after) {
        if (!(after instanceof GapAwareTrackingToken next)) {
            return OptionalLong.empty();
        }
        if (!(before instanceof GapAwareTrackingToken previous) || next.getIndex() > previous.getIndex()) {
            return OptionalLong.of(next.getIndex());
        }
        Set<Long> filled = new HashSet<>(previous.getGaps());
        filled.removeAll(next.getGaps());
        return filled.size() == 1 ? OptionalLong.of(filled.iterator().next()) : OptionalLong.empty();
    }
}
