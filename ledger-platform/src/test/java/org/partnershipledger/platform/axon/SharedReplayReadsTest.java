package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class SharedReplayReadsTest {

    /** A store that counts its reads and hands out new message objects on every read, as a database does. */
    static class CountingStore extends InMemoryEventStorageEngine {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(token, mayBlock).map(event -> new GenericTrackedEventMessage<>(
                    event.trackingToken(), event));
        }

        void append(int count) {
            appendEvents(IntStream.range(0, count).mapToObj(i -> GenericEventMessage.asEventMessage("e" + i)).toList());
        }
    }

    private final CountingStore store = new CountingStore();

    @Test
    void processorsReplayingTogetherReadEachPageOnceAndGetTheSameMessages() throws Exception {
        store.append(5_000);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 5_000);

        CompletableFuture<List<TrackedEventMessage<?>>> first = CompletableFuture.supplyAsync(() -> all(shared, null));
        CompletableFuture<List<TrackedEventMessage<?>>> second = CompletableFuture.supplyAsync(() -> all(shared, null));
        List<TrackedEventMessage<?>> a = first.get();
        List<TrackedEventMessage<?>> b = second.get();

        assertThat(a).hasSize(5_000);
        assertThat(a.stream().map(TrackedEventMessage::getPayload).toList())
                .isEqualTo(IntStream.range(0, 5_000).mapToObj(i -> "e" + i).toList());
        assertThat(b.stream().map(TrackedEventMessage::trackingToken).toList())
                .isEqualTo(a.stream().map(TrackedEventMessage::trackingToken).toList());
        assertThat(IntStream.range(0, 5_000).allMatch(i -> a.get(i) == b.get(i)))
                .as("both processors got the very same messages, so each payload is deserialised once").isTrue();
        // 50 full pages and the empty one at the head; a reader alone would have read 51
        assertThat(store.reads.get()).isLessThanOrEqualTo(51 + 2);
        assertThat(shared.pagesHeld()).as("nothing is held once both have finished").isZero();
    }

    @Test
    void theHeadIsNeverKeptSoEventsAppendedAfterItAreRead() {
        store.append(250);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        List<TrackedEventMessage<?>> before = all(shared, null);
        assertThat(before).hasSize(250);

        store.append(30);
        List<TrackedEventMessage<?>> after = all(shared, before.get(249).trackingToken());
        assertThat(after).extracting(TrackedEventMessage::getPayload)
                .isEqualTo(IntStream.range(0, 30).mapToObj(i -> "e" + i).toList());
        assertThat(all(shared, null)).as("a replay from the start sees all of it").hasSize(280);
    }

    @Test
    void aReaderFarBehindAnotherStillReadsEverythingInOrder() {
        store.append(3_000);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        try (Stream<? extends TrackedEventMessage<?>> ahead = shared.readEvents(null, false)) {
            var events = ahead.iterator();
            for (int i = 0; i < 2_500; i++) {
                events.next();
            }
            List<TrackedEventMessage<?>> behind = all(shared, null);
            assertThat(behind).extracting(TrackedEventMessage::getPayload)
                    .isEqualTo(IntStream.range(0, 3_000).mapToObj(i -> "e" + i).toList());
            assertThat(shared.pagesHeld()).isLessThanOrEqualTo(2 * (2 + 1));
        }
    }

    @Test
    void aStalledReaderHoldsTheOthersBackOnlyBriefly() {
        store.append(2_000);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        try (Stream<? extends TrackedEventMessage<?>> stalled = shared.readEvents(null, false)) {
            stalled.iterator().next(); // reads one event, then nothing more
            long started = System.nanoTime();
            assertThat(all(shared, null)).hasSize(2_000);
            // 20 pages, each waiting 20 ms at most: far below a second; the bound keeps a stall from stopping replays
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(shared.pagesHeld()).isLessThanOrEqualTo(2 * (2 + 1));
        }
    }

    @Test
    void streamsThatMayBlockGoStraightToTheStore() {
        store.append(10);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        try (Stream<? extends TrackedEventMessage<?>> following = shared.readEvents(null, true)) {
            assertThat(following.limit(10).count()).isEqualTo(10);
        }
        assertThat(shared.pagesHeld()).isZero();
        assertThat(store.reads.get()).isEqualTo(1);
    }

    private static List<TrackedEventMessage<?>> all(SharedReplayReads shared, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = shared.readEvents(from, false)) {
            return new ArrayList<>(events.toList());
        }
    }
}
