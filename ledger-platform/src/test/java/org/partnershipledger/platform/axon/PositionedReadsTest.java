package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class PositionedReadsTest {

    /** Reads what a JDBC engine reads when 3 and 4 commit before 2, then 2 commits: 1, 3, 4, then 2. */
    static class OutOfOrderCommits extends InMemoryEventStorageEngine {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            GapAwareTrackingToken one = GapAwareTrackingToken.newInstance(1, Set.of());
            GapAwareTrackingToken three = one.advanceTo(3, 1_000);
            GapAwareTrackingToken four = three.advanceTo(4, 1_000);
            GapAwareTrackingToken two = four.advanceTo(2, 1_000);
            return Stream.of(event("e1", one), event("e3", three), event("e4", four), event("e2", two));
        }
    }

    static TrackedEventMessage<?> event(String payload, TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("Program", "prog-1", 0, payload));
    }

    static List<TrackedEventMessage<?>> readAll() {
        return new PositionedReads(new OutOfOrderCommits()).readEvents(null, false)
                .<TrackedEventMessage<?>>map(event -> event).toList();
    }

    @Test
    void anEventThatFillsAGapGetsItsOwnPositionNotItsTokensPosition() {
        List<TrackedEventMessage<?>> read = readAll();

        assertThat(read).extracting(event -> (Object) event.getPayload()).containsExactly("e1", "e3", "e4", "e2");
        assertThat(read.get(3).trackingToken().position()).as("the token of the late event").hasValue(4);
        assertThat(read).extracting(event -> PositionedEventMessage.positionOf(event).getAsLong())
                .containsExactly(1L, 3L, 4L, 2L);
    }

    @Test
    void thePositionSurvivesTheCopiesAxonMakes() {
        TrackedEventMessage<?> late = readAll().get(3);

        TrackedEventMessage<?> replayed = late.withTrackingToken(
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()), late.trackingToken()));
        TrackedEventMessage<?> annotated = (TrackedEventMessage<?>) replayed.andMetaData(MetaData.with("k", "v"));

        assertThat(PositionedEventMessage.positionOf(annotated)).hasValue(2);
        assertThat(annotated.getPayload()).isEqualTo("e2");
        assertThat(annotated.getMetaData()).containsEntry("k", "v");
        assertThat(annotated.getTimestamp()).isEqualTo(late.getTimestamp());
    }

    @Test
    void whenTwoGapsVanishAtOnceThePositionIsLeftToTheStore() {
        // the engine dropped a timed-out gap while it read: 2 and 3 both vanish, so which one arrived is unknown
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(5, Set.of(2L, 3L));
        GapAwareTrackingToken after = GapAwareTrackingToken.newInstance(5, Set.of());

        assertThat(PositionedReads.positionBetween(before, after)).isEmpty();
        assertThat(PositionedEventMessage.positionOf(event("e", after))).isEmpty();
    }

    @Test
    void onAStoreWhoseTokensAreTheEventsOwnTheTokenIsThePosition() {
        // Axon Server numbers events 0, 1, 2 … with no gaps, and gives each event its own number as its token
        assertThat(PositionedEventMessage.positionOf(event("first", new GlobalSequenceTrackingToken(0)))).hasValue(0);
        assertThat(PositionedReads.positionBetween(null, new GlobalSequenceTrackingToken(0)))
                .isEqualTo(OptionalLong.empty());
    }
}
