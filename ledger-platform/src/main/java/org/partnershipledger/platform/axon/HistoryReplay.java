package org.partnershipledger.platform.axon;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Where a processor with no token yet starts: at the beginning of the history, as a replay up to the head of the
 * store at that moment. A new read model is so built from the whole history, reports replay progress like any
 * rebuild, and its handlers marked {@code @DisallowReplay} do not fire for the past.
 */
public final class HistoryReplay {

    private HistoryReplay() {
    }

    /** The first token of a processor that has none: the tail, replaying up to today's head. */
    public static TrackingToken initialToken(StreamableMessageSource<TrackedEventMessage<?>> source) {
        TrackingToken tail = source.createTailToken();
        TrackingToken head = source.createHeadToken();
        if (head == null || (tail != null && tail.covers(head))) {
            return tail; // nothing stored yet: there is no past to replay
        }
        return ReplayToken.createReplayToken(head, tail);
    }
}
