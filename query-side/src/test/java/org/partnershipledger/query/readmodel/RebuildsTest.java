package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** The token a rebuild in segments hands the live processor: no event of any segment may be skipped. */
class RebuildsTest {

    private static GapAwareTrackingToken at(long position, Long... gaps) {
        return GapAwareTrackingToken.newInstance(position, Set.of(gaps));
    }

    @Test
    void theLeastAdvancedSegmentDecidesWithEveryGapOfEither() {
        TrackingToken reached = Rebuilds.leastAdvanced(List.of(at(900, 850L), at(700, 640L)));

        assertThat(reached.position()).hasValue(700);
        assertThat(((GapAwareTrackingToken) reached).getGaps()).contains(640L);
        assertThat(reached.covers(at(700, 640L))).isTrue();
        assertThat(at(900, 850L).covers(reached)).isTrue();
    }

    @Test
    void aSegmentStillReplayingCountsWhereItIsNotWhereTheReplayEnds() {
        TrackingToken replaying = ReplayToken.createReplayToken(at(Long.MAX_VALUE), at(400));

        assertThat(Rebuilds.leastAdvanced(List.of(at(900), replaying)).position()).hasValue(400);
    }

    @Test
    void aRebuildRunsInSegmentsOnlyAloneAndNeverInFewerThreadsThanTheSegmentsItHas() {
        assertThat(Rebuilds.threads(true, true, 2, 0)).as("alone, written per aggregate or partnership").isEqualTo(2);
        assertThat(Rebuilds.threads(false, true, 2, 0)).as("alone, written in order").isEqualTo(1);
        assertThat(Rebuilds.threads(true, false, 2, 0)).as("with other rebuilds").isEqualTo(1);
        assertThat(Rebuilds.threads(true, false, 2, 2))
                .as("resumed with others, its two segments stored: a thread for each").isEqualTo(2);
        assertThat(Rebuilds.threads(false, true, 2, 3)).isEqualTo(3);
    }

    @Test
    void aSegmentThatReachedNothingMeansFromTheStart() {
        assertThat(Rebuilds.leastAdvanced(Arrays.asList(at(900), null))).isNull();
        assertThat(Rebuilds.leastAdvanced(Arrays.asList(null, at(900)))).isNull();
    }

    @Test
    void oneSegmentIsHandedOverAsItIs() {
        assertThat(Rebuilds.leastAdvanced(List.of(at(900, 850L)))).isEqualTo(at(900, 850L));
    }

    @Test
    void aNodeHoldingSomeSegmentsButNotTheFirstLetsThemGoForTheOtherToGather() {
        StreamingEventProcessor withoutTheFirst = holding(1, 3);
        StreamingEventProcessor withTheFirst = holding(0, 2);

        Rebuilds.gather(withoutTheFirst);
        Rebuilds.gather(withTheFirst);

        verify(withoutTheFirst).releaseSegment(1, 1, TimeUnit.MINUTES);
        verify(withoutTheFirst).releaseSegment(3, 1, TimeUnit.MINUTES);
        verify(withTheFirst, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    private static StreamingEventProcessor holding(int... segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        Map<Integer, EventTrackerStatus> held = new java.util.HashMap<>();
        for (int segment : segments) {
            held.put(segment, mock(EventTrackerStatus.class));
        }
        when(processor.processingStatus()).thenReturn(held);
        return processor;
    }
}
