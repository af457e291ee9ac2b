package org.partnershipledger.query.readmodel;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.partnershipledger.platform.axon.EventTypeReads;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a read model with no downtime (blue/green). A second copy of its projection replays the whole history
 * into copies of its tables ({@code …__next}) under a processor of its own, while the live read model keeps
 * answering and keeps up with new events. Once the copy has caught up with the head of the store, both processors
 * pause for a moment and one transaction renames the copies into place, hands the copy's token and position to the
 * live processor and drops the old tables; readers see either the old tables or the new ones, never an empty one.
 * The copy's handlers marked {@code @DisallowReplay} never fire, for old events or new ones
 * ({@link NoSideEffects}); the live processor fires them for new events meanwhile. The copy of a read model whose
 * projections write per aggregate ({@link PerAggregate}) or per partnership ({@link PerPartnership}, split by
 * {@link ByPartnership}) runs in {@code ledger.rebuilds.segments} segments, each on a thread of its own, so that one
 * segment's events are handled while another's rows are stored, when no other rebuild runs on the node as it
 * starts; any other runs in one. The live processor runs in one segment after the take-over, from the least
 * advanced segment's token. A read model that does not handle every event reads only the rows of the event types
 * it handles ({@link HandledTypes}, {@link EventTypeReads}), so a new metric of a few types is rebuilt at the speed
 * of those rows. The rebuilds of a node hold at most {@code ledger.rebuilds.connections} transactions open at once
 * ({@link BoundedTransactions}), so that readers always find a connection. A rebuild that was running when the
 * service stopped resumes where it was when the service starts again.
 */
@Component
public class Rebuilds {

    /** A rebuild's processor is the read model's name with this ending. */
    public static final String SUFFIX = "@next";

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** Axon's token claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s by default). */
    private static final java.time.Duration CLAIM_TIMEOUT = java.time.Duration.ofSeconds(10);
    /** How often the copies that fill are looked at for statistics ({@link RebuildCopies#analyzeGrown}). */
    private static final java.time.Duration ANALYZE_EVERY = java.time.Duration.ofSeconds(1);
    /** How long the store's events counted by type serve the rebuilds that start ({@link StoredTypeCounts}). */
    private static final java.time.Duration TYPE_COUNTS_KEPT = java.time.Duration.ofSeconds(10);

    private final ReadModels readModels;
    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    /**
     * The rebuilds' processors' transactions, at most {@code ledger.rebuilds.connections} open at once (by default
     * half the pool): the rest of the pool stays free for readers and the live processors.
     */
    private final BoundedTransactions rebuildTransactions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final RebuildCopies copies;
    /** Events per transaction of a rebuild: larger than a live processor's, as nobody waits for them one by one. */
    private final int batchSize;
    private final EventTypeReads typeReads;
    /**
     * A rebuild reads only its read model's event types when they are at most this share of the stored events;
     * otherwise it reads every event through the reader it shares with the other rebuilds and replays.
     */
    private final double typedReadShare;
    private final StoredTypeCounts typeCounts;
    /** Segments of the rebuild of a read model that writes per aggregate or per partnership. */
    private final int segments;
    private final Map<String, TrackingEventProcessor> running = new ConcurrentHashMap<>();
    /**
     * The running rebuilds whose copies this node has finished: they take over at the next look, whatever the
     * copies' indexes say (after a restart, {@link RebuildCopies#finished} tells).
     */
    private final Set<String> finishedHere = ConcurrentHashMap.newKeySet();
    /** The reader of each running rebuild that reads only the event types its read model handles. */
    private final Map<String, TypedReader> typedReaders = new ConcurrentHashMap<>();

    /** A reader of some event types, and which. */
    private record TypedReader(EmbeddedEventStore source, Set<String> types) {
    }
    /** When the copies were last looked at for statistics (the watcher's thread only). */
    private long analyzed = System.nanoTime();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * The last steps of the rebuilds that reached the head (their copies' indexes, the take-over): several read
     * models' at once, each read model's one at a time.
     */
    private final OneAtATimeEach lastSteps = new OneAtATimeEach("read-model-take-over");
    /** Set as the service stops: a processor paused for a last step is not started again (guarded by this). */
    private boolean stopping;

    /** The latest rebuild of a read model: who asked, when, and when the rebuilt tables took over. */
    public record Rebuild(String processor, String requestedBy, Instant requestedAt, Instant completedAt) {

        public boolean inProgress() {
            return completedAt == null;
        }
    }

    Rebuilds(ReadModels readModels, EventProcessingConfiguration processing,
             org.axonframework.config.Configuration axon, EventStore eventStore, TokenStore tokenStore,
             TransactionManager axonTransactions, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
             DeadLetters deadLetters, EventTypeReads typeReads, javax.sql.DataSource dataSource,
             @Value("${ledger.rebuilds.batch-size:2000}") int batchSize,
             @Value("${ledger.rebuilds.finish-timeout:1h}") java.time.Duration finishTimeout,
             @Value("${ledger.rebuilds.typed-read-share:0.5}") double typedReadShare,
             @Value("${ledger.rebuilds.segments:2}") int segments,
             @Value("${ledger.rebuilds.connections:0}") int connections,
             LedgerDatabaseProperties database) {
        this.readModels = readModels;
        this.processing = processing;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.rebuildTransactions = new BoundedTransactions(axonTransactions,
                connections > 0 ? connections : Math.max(1, database.poolSize() / 2));
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.copies = new RebuildCopies(jdbc, dataSource, finishTimeout);
        this.batchSize = batchSize;
        this.typeReads = typeReads;
        this.typedReadShare = typedReadShare;
        this.segments = Math.max(1, segments);
        this.typeCounts = new StoredTypeCounts(() -> jdbc.sql(
                        "SELECT payload_type, count(*) FROM event_store.domain_event_entry GROUP BY payload_type")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), clock, TYPE_COUNTS_KEPT);
    }

    /** The read models that can be rebuilt, by processor name. */
    public boolean isReadModel(String processor) {
        return readModels.of(processor).isPresent();
    }

    /**
     * Starts rebuilding {@code processor}'s read model; a rebuild already running carries on and is returned as it
     * is.
     */
    public Rebuild start(String processor, String requestedBy) {
        return start(processor, requestedBy, false);
    }

    /**
     * Starts rebuilding every read model at once (a rebuild already running carries on). They share one read of the
     * store, which moves at the pace of the slowest of them; so the read model made of the most projections starts
     * first and, when no other rebuild runs here and it writes per aggregate or partnership, takes the segments (the
     * board's views: their programs' views are the costliest to fold); the others run in one, as they keep the
     * cores busy together.
     */
    public synchronized List<Rebuild> startEvery(String requestedBy) {
        return readModels.all().stream()
                .sorted(Comparator.comparingInt((ReadModel model) -> model.projections().size()).reversed())
                .map(ReadModel::processor).map(processor -> start(processor, requestedBy, false)).toList();
    }

    /** {@code again}: from scratch even if it looks unfinished elsewhere (a crash emptied its copies). */
    private synchronized Rebuild start(String processor, String requestedBy, boolean again) {
        ReadModel readModel = readModels.of(processor)
                .orElseThrow(() -> new IllegalArgumentException("No read model called " + processor));
        if (running.containsKey(processor)) {
            return latest(processor).orElseThrow();
        }
        Instant now = clock.instant();
        Optional<Rebuild> elsewhere = transaction.execute(status -> {
            // one rebuild of a read model at a time across query-side nodes: decided under a lock of its own
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("rebuild:" + processor)
                    .query(Object.class).single();
            Optional<Rebuild> unfinished = latest(processor).filter(Rebuild::inProgress);
            if (!again && unfinished.isPresent() && runsElsewhere(unfinished.get())) {
                return unfinished;
            }
            readModel.tables().forEach(copies::create);
            forgetProcessor(processor + SUFFIX);
            jdbc.sql("""
                            INSERT INTO query_side.read_model_rebuild (processor, requested_by, requested_at)
                            VALUES (?, ?, ?)
                            ON CONFLICT (processor) DO UPDATE SET requested_by = EXCLUDED.requested_by,
                                requested_at = EXCLUDED.requested_at, completed_at = NULL""")
                    .params(processor, requestedBy, Timestamp.from(now)).update();
            return Optional.<Rebuild>empty();
        });
        if (elsewhere.isPresent()) {
            log.info("Rebuild of {} asked for by {} is already running on another node", processor, requestedBy);
            return elsewhere.get();
        }
        launch(readModel);
        log.info("Rebuild of {} started by {}", processor, requestedBy);
        return new Rebuild(processor, requestedBy, now, null);
    }

    /** The latest rebuild of {@code processor}, if it was ever rebuilt. */
    public Optional<Rebuild> latest(String processor) {
        return jdbc.sql("""
                        SELECT processor, requested_by, requested_at, completed_at FROM query_side.read_model_rebuild
                        WHERE processor = ?""")
                .param(processor)
                .query((rs, row) -> new Rebuild(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The processor rebuilding {@code processor}'s read model, while one runs. */
    public Optional<StreamingEventProcessor> rebuilding(String processor) {
        return Optional.ofNullable(running.get(processor));
    }

    /**
     * The stored event types a running rebuild reads, when it reads only those its read model handles; empty when
     * it reads every event or none runs.
     */
    public Optional<Set<String>> readsOnly(String processor) {
        return running.containsKey(processor)
                ? Optional.ofNullable(typedReaders.get(processor)).map(TypedReader::types) : Optional.empty();
    }

    /** Resumes the rebuilds that were running when the service stopped, and starts watching them. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        List<String> unfinished = jdbc.sql(
                        "SELECT processor FROM query_side.read_model_rebuild WHERE completed_at IS NULL")
                .query(String.class).list();
        for (String processor : unfinished) {
            ReadModel readModel = readModels.of(processor).orElse(null);
            if (readModel == null) {
                log.warn("Rebuild of {} left unfinished: the read model no longer exists", processor);
            } else if (copies.durable(readModel.tables())) {
                launch(readModel);
                log.info("Rebuild of {} resumed", processor);
            } else {
                // copies an earlier version left unlogged may have been emptied by a crash while the token says
                // otherwise: from scratch
                start(processor, latest(processor).map(Rebuild::requestedBy).orElse("ledger"), true);
            }
        }
        watcher.scheduleWithFixedDelay(this::takeOverCaughtUp, 200, 200, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            stopping = true;
        }
        watcher.shutdownNow();
        // a take-over under way ends in a few seconds; an index build is left to fail with its connection
        lastSteps.shutDown(5);
        running.values().forEach(TrackingEventProcessor::shutDown);
        typedReaders.values().forEach(reader -> reader.source().shutDown());
    }

    private synchronized void launch(ReadModel readModel) {
        String name = readModel.processor() + SUFFIX;
        finishedHere.remove(readModel.processor()); // copies made or found now: their indexes tell
        Integer stored = transaction.execute(status -> tokenStore.fetchSegments(name).length);
        int threads = threads(readModel.perPartnership(), running.isEmpty(), segments, stored == null ? 0 : stored);
        SequencingPolicy<EventMessage<?>> byPartnership =
                threads > 1 && readModel.byPartnership() ? new ByPartnership(eventStore) : null;
        EventHandlerInvoker invoker = deadLetters.invoker(name, readModels.rebuildCopies(readModel), byPartnership);
        Optional<TypedReader> typed = typedReader(readModel);
        Optional.ofNullable(typed.isPresent() ? typedReaders.put(readModel.processor(), typed.get())
                : typedReaders.remove(readModel.processor())).ifPresent(old -> old.source().shutDown());
        StreamableMessageSource<TrackedEventMessage<?>> source =
                typed.<StreamableMessageSource<TrackedEventMessage<?>>>map(TypedReader::source).orElse(eventStore);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(tokenStore)
                .transactionManager(rebuildTransactions)
                .messageMonitor(axon.messageMonitor(TrackingEventProcessor.class, name))
                .spanFactory(axon.getComponent(org.axonframework.eventhandling.EventProcessorSpanFactory.class))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads)
                        .andBatchSize(batchSize)
                        // pausing a processor waits for its wait at the head to end: short, as a rebuild pauses twice
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS)
                        // a plain token from the tail: the copy's handlers that may not replay are silent whatever
                        // the token (NoSideEffects), and a replay token would be worked out anew for every event
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        processor.registerHandlerInterceptor(new ReadModelPositions(jdbc, name));
        processor.registerHandlerInterceptor(new FailureIsolation.Guard(name));
        processor.start();
        running.put(readModel.processor(), processor);
    }

    /**
     * How many threads a rebuild's processor runs: by aggregate (Axon's default) or by partnership in
     * {@code segments} segments when it is {@code alone} (no other rebuild runs here as it starts), else in one,
     * as the others keep the cores busy already and each segment reads every event; and never fewer than the
     * segments it already has ({@code stored}: a rebuild resumed after a restart), or one of them would never
     * be claimed and the rebuild never finish.
     */
    static int threads(boolean perPartnership, boolean alone, int segments, int stored) {
        return Math.max(stored, perPartnership && alone ? segments : 1);
    }

    /**
     * A reader of only the event types the read model handles, when they are a small part of the store (at most
     * {@code typedReadShare} of its events) and the store is PostgreSQL: the rebuild then reads those rows alone.
     */
    private Optional<TypedReader> typedReader(ReadModel readModel) {
        if (!typeReads.available()) {
            return Optional.empty();
        }
        Optional<Set<String>> types = HandledTypes.of(readModel.projections(), typeCounts::get, typedReadShare);
        types.ifPresent(names -> log.info("Rebuild of {} reads {} event types: {}", readModel.processor(),
                names.size(), names.stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).toList()));
        // its reads share the rebuilds' bound on open transactions: the readers of several rebuilds fetching at
        // once took connections the readers of the API then waited for
        return types.flatMap(names -> typeReads.only(names, rebuildTransactions)
                .map(source -> new TypedReader(source, names)));
    }

    private void takeOverCaughtUp() {
        boolean analyze = System.nanoTime() - analyzed >= ANALYZE_EVERY.toNanos();
        if (analyze) {
            analyzed = System.nanoTime();
        }
        for (Map.Entry<String, TrackingEventProcessor> entry : running.entrySet()) {
            if (lastSteps.runs(entry.getKey())) {
                continue; // its indexes are being built, or it is taking over
            }
            try {
                ReadModel readModel = readModels.of(entry.getKey()).orElseThrow();
                if (caughtUp(entry.getValue()) && !holdsEverySegment(entry.getKey(), entry.getValue())) {
                    gather(entry.getValue());
                } else if (caughtUp(entry.getValue())) {
                    boolean finished = finishedHere.contains(entry.getKey()) || copies.finished(readModel.tables());
                    lastSteps.run(entry.getKey(), () -> lastStep(readModel, entry.getValue(), finished));
                } else if (analyze && !finishedHere.contains(entry.getKey())) {
                    transaction.executeWithoutResult(status -> copies.analyzeGrown(readModel.tables()));
                }
            } catch (RuntimeException e) {
                log.warn("Rebuild of {} could not take over yet; trying again", entry.getKey(), e);
            }
        }
    }

    /**
     * Whether a rebuild's processor runs and every segment of it has reached the head of the store, healthy: then
     * its copies are finished and it takes over.
     */
    public static boolean caughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return processor.isRunning() && !segments.isEmpty() && segments.values().stream().allMatch(
                segment -> segment.isCaughtUp() && !segment.isErrorState());
    }

    /**
     * Whether this node's processor holds every segment of the rebuild: with several query-side nodes, each may have
     * claimed some of them. Only a node that holds them all builds the indexes and takes over.
     */
    private boolean holdsEverySegment(String processor, StreamingEventProcessor rebuild) {
        long segments = jdbc.sql("SELECT count(*) FROM query_side.token_entry WHERE processor_name = ?")
                .param(processor + SUFFIX).query(Long.class).single();
        return rebuild.processingStatus().size() >= segments;
    }

    /**
     * A node holding some segments of a rebuild but not the first lets them go for a minute, so that the node that
     * holds the first claims them all (its processor keeps claiming while it has threads free) and takes over.
     */
    static void gather(StreamingEventProcessor rebuild) {
        if (!rebuild.processingStatus().containsKey(0)) {
            rebuild.processingStatus().keySet()
                    .forEach(segment -> rebuild.releaseSegment(segment, 1, TimeUnit.MINUTES));
        }
    }

    /**
     * Where the least advanced of a rebuild's segments is: a live processor in one segment that starts there
     * misses no event of any of them (it handles again those the others had passed). Null when one reached nothing.
     */
    static TrackingToken leastAdvanced(List<TrackingToken> segments) {
        TrackingToken reached = null;
        for (int i = 0; i < segments.size(); i++) {
            TrackingToken token = WrappedToken.unwrapLowerBound(segments.get(i));
            reached = i == 0 ? token : reached == null || token == null ? null : reached.lowerBound(token);
        }
        return reached;
    }

    /**
     * A rebuild at the head builds its copies' indexes or, once they are built, takes over; off the watcher's
     * thread, while other read models take theirs. A failure is tried again at a later look.
     */
    private void lastStep(ReadModel readModel, TrackingEventProcessor rebuild, boolean finished) {
        try {
            if (finished) {
                takeOver(readModel, rebuild);
            } else {
                finish(readModel, rebuild);
            }
        } catch (RuntimeException e) {
            log.warn("Rebuild of {} could not take over yet; trying again", readModel.processor(), e);
        }
    }

    /** Starts a processor paused for a last step again, unless the service is stopping. */
    private synchronized void restart(StreamingEventProcessor processor) {
        if (!stopping) {
            processor.start();
        }
    }

    /**
     * Builds the copies' remaining indexes and unique constraints, with the rebuild paused (so that none of its
     * batches holds a lock on one copy while waiting for another); it then catches up on what came meanwhile and
     * takes over. Its transaction is one of the rebuilds' ({@link BoundedTransactions}), so that several read
     * models finishing at once leave the readers their connections.
     */
    private void finish(ReadModel readModel, TrackingEventProcessor rebuild) {
        rebuild.shutDown();
        try {
            long started = System.nanoTime();
            rebuildTransactions.executeInTransaction(() -> copies.finish(readModel.tables()));
            finishedHere.add(readModel.processor());
            log.info("Rebuild of {} caught up; indexes built in {} ms", readModel.processor(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            restart(rebuild);
        }
    }

    /**
     * The rebuilt tables, token and position replace the live ones in one transaction (one of the rebuilds', as
     * several read models may take over at once).
     */
    private void takeOver(ReadModel readModel, TrackingEventProcessor rebuild) {
        String processor = readModel.processor();
        StreamingEventProcessor live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor called " + processor));
        rebuild.shutDown();
        live.shutDown();
        try {
            rebuildTransactions.executeInTransaction(() -> {
                jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
                for (String table : readModel.tables()) {
                    String bare = table.substring(table.indexOf('.') + 1);
                    jdbc.sql("ALTER TABLE " + table + " RENAME TO " + bare + "__old").update();
                    jdbc.sql("ALTER TABLE " + table + TableNames.NEXT + " RENAME TO " + bare).update();
                    jdbc.sql("DROP TABLE " + table + "__old").update();
                }
                forgetProcessor(processor);
                String name = processor + SUFFIX;
                jdbc.sql("UPDATE query_side.token_entry SET processor_name = ?, owner = NULL WHERE processor_name = ?")
                        .params(processor, name).update();
                // one segment from here on, from where the least advanced segment of the rebuild was
                int[] rebuilt = tokenStore.fetchSegments(processor);
                List<TrackingToken> tokens = new java.util.ArrayList<>();
                for (int segment : rebuilt) {
                    tokens.add(tokenStore.fetchToken(processor, segment));
                }
                TrackingToken reached = leastAdvanced(tokens);
                jdbc.sql("DELETE FROM query_side.token_entry WHERE processor_name = ? AND segment <> 0")
                        .param(processor).update();
                tokenStore.storeToken(reached, processor, 0);
                tokenStore.releaseClaim(processor, 0);
                jdbc.sql("UPDATE query_side.read_model_position SET processor = ? WHERE processor = ?")
                        .params(processor, name).update();
                if (rebuilt.length > 1) {
                    // the position the read model reflects is the least advanced segment's
                    ReadModelPositions.reset(jdbc, processor, reached);
                }
                deadLetters.handOver(name, processor, readModel.byPartnership());
            });
        } catch (RuntimeException e) {
            restart(live);
            restart(rebuild);
            throw e;
        }
        restart(live);
        try {
            finishedHere.remove(processor);
            Optional.ofNullable(typedReaders.remove(processor)).ifPresent(reader -> reader.source().shutDown());
            // complete once the live processor runs again (a crash before this line rebuilds once more, from scratch)
            jdbc.sql("UPDATE query_side.read_model_rebuild SET completed_at = ? WHERE processor = ?")
                    .params(Timestamp.from(clock.instant()), processor).update();
            log.info("Rebuild of {} took over", processor);
        } finally {
            // last: until here a new rebuild of the read model asked for meanwhile joins this one (start() sees it
            // running), so this rebuild's reader and completion never touch the new one's
            running.remove(processor);
        }
    }

    /**
     * Whether another query-side node runs this unfinished rebuild: its processor's token is claimed (Axon renews a
     * claim at least every few seconds, and another node takes it over once it is older than the claim timeout,
     * 10 s), or it was asked for so recently that its processor may not have claimed it yet.
     */
    private boolean runsElsewhere(Rebuild rebuild) {
        Instant recent = clock.instant().minus(CLAIM_TIMEOUT);
        if (rebuild.requestedAt().isAfter(recent)) {
            return true;
        }
        return jdbc.sql("SELECT time_stamp FROM query_side.token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                .param(rebuild.processor() + SUFFIX).query(String.class).list().stream()
                .anyMatch(claimed -> Instant.parse(claimed).isAfter(recent));
    }

    /** Removes a processor's token, position and dead letters. */
    private void forgetProcessor(String processor) {
        jdbc.sql("DELETE FROM query_side.token_entry WHERE processor_name = ?").param(processor).update();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(processor).update();
        deadLetters.forget(processor);
    }
}
