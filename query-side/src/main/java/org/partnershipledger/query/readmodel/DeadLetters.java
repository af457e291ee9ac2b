package org.partnershipledger.query.readmodel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projection failures park in a sequenced dead-letter queue ({@code query_side.dead_letter_entry}, payloads as
 * {@code bytea}): an event whose handler throws is set aside with its cause, and so is every later event of the
 * same aggregate, while every other aggregate's events carry on. An administrator lists them, retries a sequence
 * (in order, from its first letter) once the cause is fixed, or evicts a letter with a recorded reason.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

    /** Letters are taken in order; a sequence whose first letter fails again stays parked. */
    private static final int MAX_SEQUENCES = 1024;

    private final ConnectionProvider connections;
    private final TransactionManager axonTransactions;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The invokers of running rebuilds, which process their own dead letters. */
    private final Map<String, DeadLetteringEventHandlerInvoker> rebuildInvokers = new ConcurrentHashMap<>();

    /** A parked event, as listed for administrators. */
    public record DeadLetter(String id, String processor, String sequence, long indexInSequence, String eventId,
                             String eventType, String aggregateType, Long aggregateSequenceNumber,
                             Instant enqueuedAt, Instant lastTried, String causeType, String causeMessage) {
    }

    /** A letter taken out of the queue by hand, and why. */
    public record Eviction(String id, String processor, String sequence, String eventId, String eventType,
                           String causeMessage, String reason, String evictedBy, Instant evictedAt) {
    }

    DeadLetters(ConnectionProvider connections, TransactionManager axonTransactions, Serializer serializer,
                @Qualifier("eventSerializer") Serializer eventSerializer,
                @Lazy org.axonframework.config.Configuration axon, @Lazy EventProcessingConfiguration processing,
                JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.connections = connections;
        this.axonTransactions = axonTransactions;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Every processing group parks its failures in the dead-letter table (in place of Axon's module, which would
     * enable a queue per group by property, in a table of its own shape).
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(EventProcessorProperties properties,
                                                             ReadModels readModels) {
        return new DeadLetterQueueProviderConfigurerModule(properties, group -> config -> queue(group)) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(group -> parks(readModels, group)
                        ? config -> queue(group) : null);
            }
        };
    }

    /**
     * Read models (and their rebuilds) park what they cannot handle; any other processor, such as the append-only
     * audit log, has no queue (Axon then has none for it), since skipping an event would leave a hole in it.
     */
    private static boolean parks(ReadModels readModels, String processor) {
        String live = processor.endsWith(Rebuilds.SUFFIX)
                ? processor.substring(0, processor.length() - Rebuilds.SUFFIX.length()) : processor;
        return readModels.of(live).isPresent();
    }

    /**
     * Each processor remembers which aggregates have parked events, so a healthy event costs no query to the
     * dead-letter table (without this cache every event of every processor looked there first).
     */
    @Bean
    ConfigurerModule deadLetterCaches(ReadModels readModels) {
        return configurer -> configurer.eventProcessing(processing -> readModels.all().forEach(readModel ->
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(readModel.processor(),
                        (config, builder) -> builder.enableSequenceIdentifierCache())));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processor)
                .connectionProvider(connections)
                .transactionManager(axonTransactions)
                .schema(schema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .maxSequences(MAX_SEQUENCES)
                .build();
    }

    static DeadLetterSchema schema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("query_side.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The handler invoker of a rebuild's processor: it parks failures like the live processors do. {@code sequences}:
     * which events keep their order, and are parked behind a failed one (null: an aggregate's, Axon's default).
     */
    EventHandlerInvoker invoker(String processor, List<Object> projections,
                                SequencingPolicy<? super EventMessage<?>> sequences) {
        DeadLetteringEventHandlerInvoker.Builder builder = DeadLetteringEventHandlerInvoker.builder();
        if (sequences != null) {
            builder.sequencingPolicy(sequences);
        }
        DeadLetteringEventHandlerInvoker invoker = builder
                .eventHandlers(projections)
                .parameterResolverFactory(axon.parameterResolverFactory())
                // a rebuild's copy reads on a plain token: its side effects are silenced here instead
                .handlerDefinition(new NoSideEffects(axon.handlerDefinition(projections.get(0).getClass())))
                .queue(queue(processor))
                .transactionManager(axonTransactions)
                .enableSequenceIdentifierCache()
                .build();
        rebuildInvokers.put(processor, invoker);
        return invoker;
    }

    /**
     * The rebuild's letters become the live processor's (inside the take-over's transaction). {@code byAggregate}:
     * the rebuild kept other sequences than the live processor's (a partnership's); each letter goes to its
     * aggregate's, in the order it had, as the live processor keeps them.
     */
    void handOver(String from, String to, boolean byAggregate) {
        jdbc.sql("UPDATE query_side.dead_letter_entry SET processing_group = ? WHERE processing_group = ?")
                .params(to, from).update();
        if (byAggregate) {
            jdbc.sql("""
                            UPDATE query_side.dead_letter_entry SET sequence_identifier = aggregate_identifier
                            WHERE processing_group = ? AND aggregate_identifier IS NOT NULL""")
                    .param(to).update();
        }
        rebuildInvokers.remove(from);
    }

    /** Drops a processor's letters (its read model is being replaced). */
    void forget(String processor) {
        jdbc.sql("DELETE FROM query_side.dead_letter_entry WHERE processing_group = ?").param(processor).update();
    }

    /** Every parked event (of one processor, or all), in order within each sequence. */
    public List<DeadLetter> list(Optional<String> processor) {
        return processor.map(name -> letters("WHERE processing_group = ?", name)).orElseGet(() -> letters(""));
    }

    /** How many events a processor has parked. */
    public long count(String processor) {
        return jdbc.sql("SELECT count(*) FROM query_side.dead_letter_entry WHERE processing_group = ?")
                .param(processor).query(Long.class).single();
    }

    public Optional<DeadLetter> find(String id) {
        return letters("WHERE dead_letter_id = ?", id).stream().findFirst();
    }

    private List<DeadLetter> letters(String where, Object... params) {
        return jdbc.sql("""
                        SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index,
                               event_identifier, payload_type, aggregate_type, sequence_number, enqueued_at,
                               last_touched, cause_type, cause_message
                        FROM query_side.dead_letter_entry %s
                        ORDER BY processing_group, sequence_identifier, sequence_index""".formatted(where))
                .params(params)
                .query((rs, row) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), simpleName(rs.getString(6)), rs.getString(7),
                        rs.getObject(8) == null ? null : rs.getLong(8), Instant.parse(rs.getString(9)),
                        rs.getString(10) == null ? null : Instant.parse(rs.getString(10)), rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    /**
     * Retries the sequence {@code letter} belongs to, from its first letter, in order. True when the whole
     * sequence was handled; otherwise the failing letter and those after it stay parked with the latest cause.
     */
    public boolean retry(DeadLetter letter) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = rebuildInvokers.containsKey(letter.processor())
                ? rebuildInvokers.get(letter.processor())
                : processing.sequencedDeadLetterProcessor(letter.processor()).orElseThrow(
                        () -> new IllegalStateException("No dead-letter processor for " + letter.processor()));
        return processor.process(candidate -> candidate instanceof JdbcDeadLetter<?> stored
                && stored.getSequenceIdentifier().equals(letter.sequence()));
    }

    /** Takes one letter out of the queue for good, recording who did it and why. */
    public Eviction evict(DeadLetter letter, String reason, String evictedBy) {
        Eviction eviction = new Eviction(letter.id(), letter.processor(), letter.sequence(), letter.eventId(),
                letter.eventType(), letter.causeMessage(), reason, evictedBy, clock.instant());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM query_side.dead_letter_entry WHERE dead_letter_id = ?").param(letter.id()).update();
            jdbc.sql("""
                            INSERT INTO query_side.dead_letter_eviction (dead_letter_id, processing_group,
                                sequence_identifier, event_identifier, event_type, cause_message, reason, evicted_by,
                                evicted_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(eviction.id(), eviction.processor(), eviction.sequence(), eviction.eventId(),
                            eviction.eventType(), eviction.causeMessage(), reason, evictedBy,
                            Timestamp.from(eviction.evictedAt()))
                    .update();
        });
        return eviction;
    }

    /** The letters evicted so far, latest first. */
    public List<Eviction> evictions() {
        return jdbc.sql("""
                        SELECT dead_letter_id, processing_group, sequence_identifier, event_identifier, event_type,
                               cause_message, reason, evicted_by, evicted_at
                        FROM query_side.dead_letter_eviction ORDER BY evicted_at DESC""")
                .query((rs, row) -> new Eviction(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
