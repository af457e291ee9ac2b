package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
        final AtomicBoolean failNextRead = new AtomicBoolean();
        /** The read, counted from 1, that fails; 0: none. */
        final AtomicInteger failingRead = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            if (reads.incrementAndGet() == failingRead.get()) {
                throw new AssertionError("the store failed this read");
            }
            if (failNextRead.getAndSet(false)) {
                throw new AssertionError("the store failed badly");
            }
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

        // both processors have started replaying before either reads on
        Stream<? extends TrackedEventMessage<?>> one = shared.readEvents(null, false);
        Stream<? extends TrackedEventMessage<?>> other = shared.readEvents(null, false);
        CompletableFuture<List<TrackedEventMessage<?>>> first = CompletableFuture.supplyAsync(() -> drain(one));
        CompletableFuture<List<TrackedEventMessage<?>>> second = CompletableFuture.supplyAsync(() -> drain(other));
        List<TrackedEventMessage<?>> a = first.get();
        List<TrackedEventMessage<?>> b = second.get();

        assertThat(a).hasSize(5_000);
        assertThat(a.stream().map(TrackedEventMessage::getPayload).toList())
                .isEqualTo(IntStream.range(0, 5_000).mapToObj(i -> "e" + i).toList());
        assertThat(b.stream().map(TrackedEventMessage::trackingToken).toList())
                .isEqualTo(a.stream().map(TrackedEventMessage::trackingToken).toList());
        assertThat(IntStream.range(0, 5_000).allMatch(i -> a.get(i) == b.get(i)))
                .as("both processors got the very same messages, so each payload is deserialised once").isTrue();
        // 50 full pages, each read once, and the empty one at the head, which is never kept: each reader may read
        // it twice (read ahead when it took the last full page, and again when it asks for it), as a reader alone
        // would; each of them reading every page would be 100 and more
        assertThat(store.reads.get()).isBetween(51, 50 + 2 * 2);
        assertThat(shared.pagesHeld()).as("nothing is held once both have finished").isZero();
    }

    @Test
    void theNextPageIsReadWhileAReaderHandlesTheOneItTook() throws Exception {
        store.append(1_000);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 5_000);
        try (Stream<? extends TrackedEventMessage<?>> alone = shared.readEvents(null, false)) {
            var events = alone.iterator();
            Object first = events.next().getPayload(); // took the first page, and handles its first event

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.reads.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(store.reads.get()).as("the second page was read before the reader asked for it").isEqualTo(2);
            List<Object> payloads = new ArrayList<>(List.of(first));
            for (int i = 1; i < 1_000; i++) {
                payloads.add(events.next().getPayload());
            }
            assertThat(payloads).isEqualTo(IntStream.range(0, 1_000).mapToObj(i -> "e" + i).toList());
            assertThat(events.hasNext()).isFalse();
        }
        // ten full pages, each read once, and the empty one at the head (read ahead, and again if the read ahead
        // found it empty before the reader asked: the head is never kept)
        assertThat(store.reads.get()).isBetween(11, 12);
        assertThat(shared.pagesHeld()).isZero();
    }

    @Test
    void aPageThatFailedToBeReadAheadIsReadByTheReaderThatAsksForIt() {
        store.append(300);
        store.failingRead.set(2); // the read ahead of the second page
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 5_000);

        assertThat(all(shared, null)).extracting(TrackedEventMessage::getPayload)
                .isEqualTo(IntStream.range(0, 300).mapToObj(i -> "e" + i).toList());
        assertThat(store.reads.get()).as("the second page read again").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theHeadIsNeverKeptSoEventsAppendedAfterItAreRead() {
        store.append(250);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        // a processor still at the start keeps every page the others read in the cache
        try (Stream<? extends TrackedEventMessage<?>> slow = shared.readEvents(null, false)) {
            slow.iterator().next();
            List<TrackedEventMessage<?>> first = all(shared, null);
            assertThat(first).hasSize(250);

            store.append(30);
            List<TrackedEventMessage<?>> fromLastFullPage = all(shared, first.get(199).trackingToken());
            assertThat(fromLastFullPage).as("the short page at the head was read again, not taken from the cache")
                    .hasSize(80);
            assertThat(fromLastFullPage.subList(50, 80)).extracting(TrackedEventMessage::getPayload)
                    .isEqualTo(IntStream.range(0, 30).mapToObj(i -> "e" + i).toList());
        }
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
            // the stalled one is waited for 20 ms, then left behind; without that this would never end
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(shared.pagesHeld()).isLessThanOrEqualTo(2 * (2 + 1));
        }
    }

    @Test
    void aFailedReadIsNotKeptAndTheNextReaderReadsAgain() {
        store.append(150);
        SharedReplayReads shared = new SharedReplayReads(store, 100, 2, 20);
        store.failNextRead.set(true);
        assertThatThrownBy(() -> all(shared, null)).isInstanceOf(AssertionError.class);
        assertThat(shared.pagesHeld()).isZero();
        assertThat(all(shared, null)).hasSize(150);
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
        return drain(shared.readEvents(from, false));
    }

    private static List<TrackedEventMessage<?>> drain(Stream<? extends TrackedEventMessage<?>> stream) {
        try (Stream<? extends TrackedEventMessage<?>> events = stream) {
            return new ArrayList<>(events.toList());
        }
    }
}
