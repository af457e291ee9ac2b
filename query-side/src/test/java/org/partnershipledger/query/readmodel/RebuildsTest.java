package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
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
    void aSegmentThatReachedNothingMeansFromTheStart() {
        assertThat(Rebuilds.leastAdvanced(Arrays.asList(at(900), null))).isNull();
        assertThat(Rebuilds.leastAdvanced(Arrays.asList(null, at(900)))).isNull();
    }

    @Test
    void oneSegmentIsHandedOverAsItIs() {
        assertThat(Rebuilds.leastAdvanced(List.of(at(900, 850L)))).isEqualTo(at(900, 850L));
    }
}
