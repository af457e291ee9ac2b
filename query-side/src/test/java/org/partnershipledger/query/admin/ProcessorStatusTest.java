package org.partnershipledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.partnershipledger.query.readmodel.Rebuilds;

/**
 * The processors' status in one numbering, the events' own positions: Axon Server numbers events from 0, so a
 * processor that has handled nothing is at -1, an empty store's head is -1, and the lag counts events exactly.
 */
class ProcessorStatusTest {

    @Test
    void onAnEmptyStoreAProcessorThatHandledNothingIsCaughtUp() {
        var status = ProcessorController.describe(processor(null, true), -1L, null);

        assertThat(status.position()).isEqualTo(-1);
        assertThat(status.headPosition()).isEqualTo(-1);
        assertThat(status.lag()).isZero();
        assertThat(status.caughtUp()).isTrue();
    }

    @Test
    void onAxonServerTheFirstEventAtPositionZeroIsAnEventStillToReach() {
        var status = ProcessorController.describe(processor(null, true), 0L, null);

        assertThat(status.lag()).isEqualTo(1);
        assertThat(status.caughtUp()).isFalse();
    }

    @Test
    void aProcessorAtTheLastEventOfAxonServerHasNoLag() {
        var status = ProcessorController.describe(processor(new GlobalSequenceTrackingToken(9), true), 9L, null);

        assertThat(status.position()).isEqualTo(9);
        assertThat(status.lag()).isZero();
        assertThat(status.caughtUp()).isTrue();
    }

    @Test
    void aReaderThatFoundNothingMoreIsNotCaughtUpWhileTheHeadIsFurther() {
        // what block-listed event types did on Axon Server: nothing more came, and the token stayed behind
        var status = ProcessorController.describe(processor(new GlobalSequenceTrackingToken(9), true), 156L, null);

        assertThat(status.lag()).isEqualTo(147);
        assertThat(status.caughtUp()).isFalse();
    }

    @Test
    void onPostgresqlTheLagIsTheDistanceToTheHighestPosition() {
        var status = ProcessorController.describe(
                processor(GapAwareTrackingToken.newInstance(40, java.util.Set.of(38L)), false), 42L, null);

        assertThat(status.position()).isEqualTo(40);
        assertThat(status.lag()).isEqualTo(2);
        assertThat(status.caughtUp()).isFalse();
    }

    @Test
    void whileTheStoreDoesNotAnswerTheHeadAndLagAreUnknownAndNothingIsCaughtUp() {
        var status = ProcessorController.describe(processor(new GlobalSequenceTrackingToken(9), true), null, null);

        assertThat(status.position()).isEqualTo(9);
        assertThat(status.headPosition()).isNull();
        assertThat(status.lag()).isNull();
        assertThat(status.caughtUp()).isFalse();
        assertThat(status.state()).isEqualTo("RUNNING");
    }

    @Test
    void replayProgressCountsFromTheFirstEvent() {
        assertThat(ProcessorController.reached(-1, 9)).isZero();
        assertThat(ProcessorController.reached(0, 0)).isEqualTo(1.0);
        assertThat(ProcessorController.reached(4, 9)).isEqualTo(0.5);
        assertThat(ProcessorController.reached(-1, -1)).as("nothing to replay").isEqualTo(1.0);
    }

    @Test
    void theHeadIsTheNewestEventsPositionAndMinusOneForAnEmptyStore() {
        assertThat(StoreHead.positionOf(null)).isEqualTo(-1);
        assertThat(StoreHead.positionOf(new GlobalSequenceTrackingToken(0))).isZero();
        assertThat(StoreHead.positionOf(GapAwareTrackingToken.newInstance(7, java.util.Set.of()))).isEqualTo(7);
    }

    @Test
    void anAnswerThatSaysTheRebuildIsCompleteSaysTheLiveProcessorRuns() {
        // the take-over ends as the answer is put together: the live processor, stopped for the swap, runs again,
        // the rebuild is recorded complete, and its copy's processor has not yet left the running rebuilds
        StreamingEventProcessor live = processor(new GlobalSequenceTrackingToken(9), true);
        AtomicBoolean liveRuns = new AtomicBoolean(false);
        when(live.isRunning()).thenAnswer(invocation -> liveRuns.get());
        StreamingEventProcessor copy = processor(new GlobalSequenceTrackingToken(9), true);
        Rebuilds rebuilds = mock(Rebuilds.class);
        when(rebuilds.rebuilding("due-diligence-outcomes")).thenReturn(Optional.of(copy));
        when(rebuilds.latest("due-diligence-outcomes")).thenAnswer(invocation -> {
            liveRuns.set(true);
            return Optional.of(new Rebuilds.Rebuild("due-diligence-outcomes", "admin", Instant.EPOCH,
                    Instant.EPOCH.plusSeconds(3)));
        });
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor("due-diligence-outcomes", StreamingEventProcessor.class))
                .thenReturn(Optional.of(live));
        StoreHead head = mock(StoreHead.class);
        when(head.newestPosition()).thenReturn(OptionalLong.of(9));

        var status = new ProcessorController(processing, head, rebuilds, null, null)
                .processor("due-diligence-outcomes");

        assertThat(status.rebuild().completedAt()).isNotNull();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.caughtUp()).isTrue();
    }

    private static StreamingEventProcessor processor(org.axonframework.eventhandling.TrackingToken token,
                                                     boolean caughtUp) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.getTrackingToken()).thenReturn(token);
        when(segment.getCurrentPosition()).thenReturn(token == null ? OptionalLong.empty() : token.position());
        when(segment.getResetPosition()).thenReturn(OptionalLong.empty());
        when(segment.isCaughtUp()).thenReturn(caughtUp);
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn("due-diligence-outcomes");
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        return processor;
    }
}
