package org.partnershipledger.query.integration;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.partnershipledger.platform.Ticker;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.readmodel.ReadModelPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Serves every stream subscriber from one thread: no thread per subscriber. Each tick it finds the highest
 * position that is safe to hand out, fetches what live subscribers have not seen in one query and fans it out;
 * subscribers still replaying history get a page of their own.
 *
 * <p>Safe means no lower position can still appear: positions are handed out when a transaction inserts, so a
 * transaction still open can commit below a later one. The stream stops below the lowest position the event log
 * has not seen yet, until that position is known to be settled: every transaction that could have taken it has
 * ended and the store does not have it (a rolled-back append), or the event after it is older than any
 * transaction may live, or older than the database server's last start (a restart ended every transaction open
 * before it).
 *
 * <p>Each checkpoint of the audit log, once signed (on whichever node), goes to every connected subscriber whose filter takes
 * {@value CloudEventEnvelope#CHECKPOINT_TYPE}, live only and without an SSE {@code id}, so that the client's
 * Last-Event-ID stays the position of the last event it received and resuming works as before.
 */
@Component
class StreamHub implements SmartLifecycle {

    static final String SOURCE_PROCESSOR = "event-log";
    static final int PAGE = 500;
    static final Duration TICK = Duration.ofMillis(100);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration SETTLE = Duration.ofSeconds(1);
    private static final long UNKNOWN = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    private final JdbcClient jdbc;
    private final EventLog log;
    private final CloudEventEnvelope envelope;
    private final Checkpoints checkpoints;
    private final Duration gapsCloseWithin;
    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<Long, FirstSeen> firstSeen = new ConcurrentHashMap<>();
    /** The largest tree size announced to live subscribers; checkpoints above it are new. */
    private long announced = UNKNOWN;
    private volatile Ticker ticker;

    StreamHub(JdbcClient jdbc, EventLog log, CloudEventEnvelope envelope, Checkpoints checkpoints,
              org.partnershipledger.platform.postgres.LedgerDatabaseProperties database) {
        this.jdbc = jdbc;
        this.log = log;
        this.envelope = envelope;
        this.checkpoints = checkpoints;
        // an event's time is taken when its command starts, so the transaction before it may live twice as long
        this.gapsCloseWithin = database.transactionTimeout().multipliedBy(2).plusSeconds(5);
    }

    SseEmitter subscribe(long after, StreamSubscriber.Filter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        StreamSubscriber subscriber = new StreamSubscriber(emitter, after, filter, envelope.base());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // commits the response at once, so a client waiting for new events knows it is connected
            emitter.send(SseEmitter.event().comment("connected, after position " + after));
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the stream", e);
        }
        subscribers.add(subscriber);
        return emitter;
    }


    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                announced = UNKNOWN;
                return;
            }
            announceNewCheckpoints();
            long safe = safePosition();
            long live = subscribers.stream().filter(s -> safe - s.scanned < PAGE).mapToLong(s -> s.scanned)
                    .min().orElse(safe);
            List<LoggedEvent> recent = live < safe ? after(live, safe, PAGE) : List.of();
            for (StreamSubscriber subscriber : subscribers) {
                if (subscriber.scanned >= safe) {
                    heartbeatIfQuiet(subscriber);
                } else if (safe - subscriber.scanned < PAGE) {
                    deliver(subscriber, recent, safe, recent.size() < PAGE);
                } else {
                    List<LoggedEvent> page = after(subscriber.scanned, safe, PAGE);
                    deliver(subscriber, page, safe, page.size() < PAGE);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stream tick failed; retrying on the next one", e);
        }
    }

    private void deliver(StreamSubscriber subscriber, List<LoggedEvent> events, long safe, boolean complete) {
        try {
            for (LoggedEvent event : events) {
                if (event.position() <= subscriber.scanned) {
                    continue;
                }
                String type = envelope.typeOf(event);
                if (subscriber.filter.accepts(type, event.partnershipId())) {
                    subscriber.emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(type)
                            .data(envelope.json(event, subscriber.base), MediaType.APPLICATION_JSON));
                    subscriber.lastSent = System.nanoTime();
                }
                subscriber.scanned = event.position();
            }
            if (complete) {
                subscriber.scanned = Math.max(subscriber.scanned, safe);
            }
            heartbeatIfQuiet(subscriber);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
        }
    }

    /**
     * Checkpoints are read from the table, not learnt from the signer in this process, so that the stream of a node
     * that does not sign (another holds the integration lease) announces them too.
     */
    private void announceNewCheckpoints() {
        if (announced == UNKNOWN) {
            announced = checkpoints.latestTreeSize();
            return;
        }
        for (CheckpointData checkpoint : checkpoints.after(announced, PAGE)) {
            announce(checkpoint);
            announced = checkpoint.treeSize();
        }
    }

    /** No {@code id}: an SSE client keeps the last id it had, the position of the last event it received. */
    private void announce(CheckpointData checkpoint) {
        Map<String, String> jsonByBase = new HashMap<>();
        for (StreamSubscriber subscriber : subscribers) {
            if (subscriber.filter.acceptsCheckpoints()) {
                try {
                    String json = jsonByBase.computeIfAbsent(subscriber.base, base -> envelope.json(checkpoint, base));
                    subscriber.emitter.send(SseEmitter.event().name(CloudEventEnvelope.CHECKPOINT_TYPE)
                            .data(json, MediaType.APPLICATION_JSON));
                    subscriber.lastSent = System.nanoTime();
                } catch (IOException | IllegalStateException gone) {
                    subscribers.remove(subscriber);
                }
            }
        }
    }

    private void heartbeatIfQuiet(StreamSubscriber subscriber) {
        if (System.nanoTime() - subscriber.lastSent > HEARTBEAT.toNanos()) {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("heartbeat"));
                subscriber.lastSent = System.nanoTime();
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    /**
     * The highest position below which no event can still appear in the event log. Every position the event log has
     * not seen counts as noticed when it is first listed, and after {@link #SETTLE} one new transaction id marks all
     * those noticed by then: a burst of appends refused under contention (each leaves a position never used) is
     * settled at once, not one position a second.
     */
    long safePosition() {
        long reached = ReadModelPositions.of(jdbc, SOURCE_PROCESSOR);
        List<Long> gaps = ReadModelPositions.gapsOf(jdbc, SOURCE_PROCESSOR);
        firstSeen.keySet().retainAll(gaps);
        if (gaps.isEmpty()) {
            return reached;
        }
        Map<Long, FirstSeen> noticed = noticed(gaps);
        // the oldest running transaction first, the store after it: a gap whose transactions had all ended by then
        // and that the store does not hold then will never be held
        Long oldestRunning = noticed.values().stream().anyMatch(seen -> seen.marker() != null)
                ? oldestRunningTransactionId() : null;
        Set<Long> stored = Set.copyOf(jdbc.sql(
                        "SELECT global_index FROM event_store.domain_event_entry WHERE global_index = ANY (?)")
                .param(gaps.toArray(Long[]::new)).query(Long.class).list());
        for (long gap : gaps) {
            if (stored.contains(gap)) {
                return gap - 1; // committed: the event log is about to have it
            }
            Long marker = noticed.get(gap).marker();
            if (marker != null && oldestRunning > marker) {
                continue; // every transaction that could have taken this position has ended without it
            }
            if (mayStillCommit(gap)) {
                return gap - 1;
            }
        }
        return reached;
    }

    /**
     * When each gap was first noticed, and its marker: every gap noticed at least {@link #SETTLE} ago and not marked
     * yet gets one transaction id, the same for all.
     */
    private Map<Long, FirstSeen> noticed(List<Long> gaps) {
        long now = System.nanoTime();
        Map<Long, FirstSeen> noticed = new HashMap<>();
        Long marker = null;
        for (long gap : gaps) {
            FirstSeen seen = firstSeen.computeIfAbsent(gap, g -> new FirstSeen(now));
            if (seen.marker() == null && now - seen.atNanos() >= SETTLE.toNanos()) {
                marker = marker != null ? marker : newTransactionId();
                seen = new FirstSeen(seen.atNanos(), marker);
                firstSeen.put(gap, seen);
            }
            noticed.put(gap, seen);
        }
        return noticed;
    }

    /**
     * When a position the event log has not seen was first noticed here, and, from {@link #SETTLE} later, the id of
     * a transaction begun then. The transaction that took the position got its id before that one (it inserted
     * before a later position committed, and an insert gets its id within the same statement), so once every
     * transaction up to the marker has ended, the position is in the store or never will be.
     */
    private record FirstSeen(long atNanos, Long marker) {
        FirstSeen(long atNanos) {
            this(atNanos, null);
        }
    }

    /** A transaction id handed out now: every transaction that had one already has a lower one. */
    private long newTransactionId() {
        return jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
    }

    private long oldestRunningTransactionId() {
        return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    /**
     * Without knowing which transaction took it: the position may still commit unless the event after it is older
     * than any transaction may live, or older than the database server's last start.
     */
    private boolean mayStillCommit(long gap) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM analytics.event_log WHERE position = (
                            SELECT min(position) FROM analytics.event_log WHERE position > ?)
                          AND occurred_at > now() - CAST(? AS interval)
                          AND occurred_at > pg_postmaster_start_time())""")
                .params(gap, gapsCloseWithin.toSeconds() + " seconds").query(Boolean.class).single();
    }

    private List<LoggedEvent> after(long position, long upTo, int limit) {
        return log.after(position, upTo, limit);
    }

    @Override
    public void start() {
        ticker = Ticker.start("ledger-stream", TICK, TICK, this::tick,
                e -> LOG.warn("The stream could not read the event log now; trying again", e));
    }

    @Override
    public void stop() {
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
        Ticker running = ticker;
        ticker = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
