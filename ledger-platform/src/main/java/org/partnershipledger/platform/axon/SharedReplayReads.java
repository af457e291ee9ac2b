package org.partnershipledger.platform.axon;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Processors replaying the same stretch of the store read it once between them.
 *
 * <p>Why: every read model is its own processor, and a processor behind the head reads the store on its own. In a
 * full replay each of them read, and deserialised, every event: payload, metadata and timestamp parsing were a
 * third of each processor's CPU. Here a reader behind the head reads in pages of {@code pageSize} events; a page is
 * kept until every reader has passed it, so the next processor to ask for it gets the same messages, whose
 * payload, metadata and timestamp are deserialised once (Axon's messages cache them). A reader more than
 * {@code maxPagesAhead} pages ahead of the slowest one replaying alongside it waits for it, so the processors of a
 * full replay move together and the pages they share stay few. A reader that has not moved for
 * {@code stalledAfterMillis} (a processor retrying after an error, or paused) is not waited for, and neither is one
 * so far behind that it belongs to another replay (a rebuild at the tail does not hold up a processor near the
 * head). At most {@code 2 * (maxPagesAhead + 1)} pages are held, plus the one each reader is reading and the one read
 * ahead: when a reader takes a full page, the next one is read in the background (with its metadata and timestamps
 * deserialised) while the processor handles this one, so reading the store and handling events overlap.
 *
 * <p>What a reader sees is exactly what it would have read alone: a page starting at a token is what the store
 * returned from that token, and the next page starts at the page's last token, as the storage engine's own stream
 * does. A page shorter than {@code pageSize} means the head was reached: it ends the stream (the caller switches to
 * following the head) and is never kept, so no reader misses an event appended afterwards. Streams that may block
 * (the event store's reader at the head) and everything else go straight to the storage engine.
 */
public class SharedReplayReads extends StorageEngineDecorator {

    private final int pageSize;
    private final int maxPagesAhead;
    private final long stalledAfterNanos;
    private final Map<Start, CompletableFuture<List<? extends TrackedEventMessage<?>>>> pages = new ConcurrentHashMap<>();
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
    /** Reads the page after the one a reader has just taken, while the reader handles it. */
    private final Executor ahead = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /** Where a page starts; the token may be null (the very beginning). */
    private record Start(TrackingToken token) {

        /**
         * How far a reader has come, to order pages and readers: the token's highest position, which is the
         * reader's progress, not the position of any one event (see {@link PositionedEventMessage}).
         */
        long position() {
            return token == null ? -1 : token.position().orElse(-1);
        }
    }

    public SharedReplayReads(EventStorageEngine delegate, int pageSize, int maxPagesAhead, long stalledAfterMillis) {
        super(delegate);
        this.pageSize = pageSize;
        this.maxPagesAhead = maxPagesAhead;
        this.stalledAfterNanos = stalledAfterMillis * 1_000_000;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            return delegate.readEvents(trackingToken, true);
        }
        Reader reader = new Reader(trackingToken);
        readers.add(reader);
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    /** Pages held now (for tests and diagnostics). */
    int pagesHeld() {
        return pages.size();
    }

    private List<? extends TrackedEventMessage<?>> page(Start start) throws InterruptedException {
        CompletableFuture<List<? extends TrackedEventMessage<?>>> mine = new CompletableFuture<>();
        CompletableFuture<List<? extends TrackedEventMessage<?>>> shared = pages.putIfAbsent(start, mine);
        if (shared != null) {
            try {
                return shared.get();
            } catch (ExecutionException e) {
                // the reader that fetched it failed; read it ourselves and let the error, if any, be ours
                return read(start);
            }
        }
        return fill(start, mine);
    }

    /**
     * Reads the page at {@code start} in the background, unless it is held or being read already: while the
     * processors handle one page, the next one is read and its metadata and timestamps deserialised, on the
     * other core.
     */
    private void readAhead(Start start) {
        CompletableFuture<List<? extends TrackedEventMessage<?>>> mine = new CompletableFuture<>();
        if (pages.putIfAbsent(start, mine) == null) {
            ahead.execute(() -> {
                try {
                    fill(start, mine).forEach(event -> {
                        event.getTimestamp();
                        event.getMetaData();
                    });
                } catch (Throwable e) {
                    // the reader that asks for the page reads it itself, and meets the error if there is one
                }
            });
        }
    }

    private List<? extends TrackedEventMessage<?>> fill(
            Start start, CompletableFuture<List<? extends TrackedEventMessage<?>>> mine) {
        try {
            List<? extends TrackedEventMessage<?>> events = read(start);
            if (events.size() < pageSize) {
                pages.remove(start, mine); // the head: what follows it is not known yet
            }
            mine.complete(events);
            return events;
        } catch (Throwable e) {
            // whatever went wrong, no reader waiting for this page may wait forever
            pages.remove(start, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private List<? extends TrackedEventMessage<?>> read(Start start) {
        try (Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(start.token(), false)) {
            return events.limit(pageSize).toList();
        }
    }

    /** Drops the pages every reader has passed, and the oldest ones should the cache still be over its size. */
    private void evict() {
        long slowest = readers.stream().mapToLong(Reader::position).min().orElse(Long.MAX_VALUE);
        pages.keySet().removeIf(start -> start.position() + pageSize <= slowest);
        int limit = 2 * (maxPagesAhead + 1);
        if (pages.size() > limit) {
            pages.keySet().stream().sorted(Comparator.comparingLong(Start::position)).limit(pages.size() - limit)
                    .forEach(pages::remove);
        }
    }

    /**
     * The position of the slowest other reader replaying alongside {@code reader}: behind it, but not so far behind
     * that they are not one replay (a processor that fell behind the head is not held up by a rebuild at the tail).
     */
    private long slowestAlongside(Reader reader) {
        long horizon = 4L * maxPagesAhead * pageSize;
        long now = System.nanoTime();
        return readers.stream().filter(other -> other != reader && now - other.movedAt < stalledAfterNanos)
                .mapToLong(Reader::position).filter(other -> other >= reader.position() - horizon).min()
                .orElse(Long.MAX_VALUE);
    }

    /** One replaying stream: pages in order, until a short page. */
    private final class Reader extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private Start next;
        private volatile long position;
        private volatile long movedAt = System.nanoTime();
        private List<? extends TrackedEventMessage<?>> current = List.of();
        private int index;
        private boolean last;

        Reader(TrackingToken from) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.next = new Start(from);
            this.position = next.position();
        }

        long position() {
            return position;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            while (index >= current.size()) {
                if (last) {
                    close();
                    return false;
                }
                fetch();
                if (current.isEmpty()) {
                    close();
                    return false;
                }
            }
            action.accept(current.get(index++));
            return true;
        }

        private void fetch() {
            position = next.position();
            movedAt = System.nanoTime();
            try {
                awaitSlowest();
                current = page(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                current = List.of();
                return;
            }
            index = 0;
            last = current.size() < pageSize;
            if (!current.isEmpty()) {
                next = new Start(current.get(current.size() - 1).trackingToken());
            }
            evict();
            if (!last) {
                readAhead(next);
            }
        }

        /** Waits while this reader is far ahead of the slowest one alongside it that is still moving. */
        private void awaitSlowest() throws InterruptedException {
            while (position - slowestAlongside(this) > (long) maxPagesAhead * pageSize) {
                Thread.sleep(1);
                movedAt = System.nanoTime(); // waiting is not stalling
            }
        }

        void close() {
            if (readers.remove(this)) {
                evict();
            }
        }
    }
}
