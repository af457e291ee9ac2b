package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class HistoryReplayTest {

    /** A store whose events sit between tail (exclusive) and head (inclusive). */
    static StreamableMessageSource<TrackedEventMessage<?>> store(TrackingToken tail, TrackingToken head) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrackingToken createTailToken() {
                return tail;
            }

            @Override
            public TrackingToken createHeadToken() {
                return head;
            }
        };
    }

    static GapAwareTrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, Set.of());
    }

    @Test
    void aNewProcessorReplaysFromTheTailUpToTodaysHeadThenRunsLive() {
        TrackingToken token = HistoryReplay.initialToken(store(at(0), at(1_000)));

        assertThat(ReplayToken.isReplay(token)).isTrue();
        assertThat(token.position()).hasValue(0);
        TrackingToken pastTheHead = ((ReplayToken) token).advancedTo(at(1_001));
        assertThat(ReplayToken.isReplay(pastTheHead)).as("live after the head of the store at its start").isFalse();
    }

    @Test
    void onAnEmptyStoreThereIsNothingToReplay() {
        assertThat(HistoryReplay.initialToken(store(null, null))).isNull();
    }
}
