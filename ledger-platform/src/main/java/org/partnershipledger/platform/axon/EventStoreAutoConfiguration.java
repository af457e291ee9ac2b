package org.partnershipledger.platform.axon;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.partnershipledger.platform.postgres.LedgerDatabaseAutoConfiguration;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.partnershipledger.platform.schema.LedgerSchemaMigrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The event store on PostgreSQL: Axon's JDBC storage engine over the {@code event_store} schema, with gap
 * handling set deliberately, and the token store in the service's own schema. When Axon Server is switched on it
 * provides the event store instead and the storage beans here back off; tokens stay in PostgreSQL either way.
 */
@AutoConfiguration(after = {LedgerDatabaseAutoConfiguration.class, AxonServerBusAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    static final String EVENT_STORE_SCHEMA = "event_store";
    /** The first position of the PostgreSQL store (its identity column starts at 1). */
    private static final long LOWEST_POSITION = 1;

    @Bean
    LedgerSchemaMigrations ledgerSchemaMigrations(DataSource dataSource,
                                                  @Value("${ledger.schema}") String serviceSchema) {
        return new LedgerSchemaMigrations(dataSource, List.of(
                new LedgerSchemaMigrations.Schema(EVENT_STORE_SCHEMA, "classpath:db/event-store"),
                new LedgerSchemaMigrations.Schema(serviceSchema, "classpath:db/service-common",
                        "classpath:db/" + serviceSchema)));
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_STORE_SCHEMA + ".domain_event_entry")
                .snapshotTable(EVENT_STORE_SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema(@Value("${ledger.schema}") String serviceSchema) {
        return TokenSchema.builder()
                .setTokenTable(serviceSchema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    @ConditionalOnMissingBean({PersistenceExceptionResolver.class, EventStore.class})
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeys();
    }

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          EventStoreProperties eventStore,
                                          LedgerDatabaseProperties database,
                                          LedgerSchemaMigrations migrated) {
        GapTimeout.requireLongerThanTransactions(eventStore.gapTimeout(), database.transactionTimeout());
        return storageEngine(engine(serializer, eventSerializer, persistenceExceptionResolver, configuration,
                connectionProvider, transactionManager, eventSchema, eventStore), eventSchema, eventStore);
    }

    private static JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, EventSchema schema,
                                                        EventStoreProperties eventStore) {
        return new LedgerJdbcStorageEngine(builder, eventStore.gapTimeout().toMillis(),
                eventStore.maxGapOffset(), LOWEST_POSITION);
    }

    /**
     * Reads of the store by payload type, for rebuilding a read model of a few types; with engines built as the
     * event store's own when the store is PostgreSQL, and none with Axon Server.
     */
    @Bean
    EventTypeReads eventTypeReads(ObjectProvider<EventStorageEngine> storageEngine, Serializer serializer,
                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                  ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolver,
                                  org.axonframework.config.Configuration configuration,
                                  ObjectProvider<ConnectionProvider> connectionProvider,
                                  TransactionManager transactionManager, EventSchema eventSchema,
                                  EventStoreProperties eventStore, DataSource dataSource, java.time.Clock clock) {
        boolean jdbc = storageEngine.getIfAvailable() instanceof JdbcEventStorageEngine;
        return new EventTypeReads(jdbc ? statements -> storageEngine(statements.apply(engine(serializer,
                eventSerializer, persistenceExceptionResolver.getObject(), configuration, connectionProvider.getObject(),
                transactionManager, eventSchema, eventStore)), eventSchema, eventStore) : null, dataSource, eventSchema,
                eventStore.gapTimeout(),
                eventStore.fetchDelay().toMillis(), clock);
    }

    private static JdbcEventStorageEngine.Builder engine(Serializer serializer, Serializer eventSerializer,
                                                         PersistenceExceptionResolver persistenceExceptionResolver,
                                                         org.axonframework.config.Configuration configuration,
                                                         ConnectionProvider connectionProvider,
                                                         TransactionManager transactionManager,
                                                         EventSchema eventSchema, EventStoreProperties eventStore) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(eventStore.batchSize())
                .gapTimeout((int) eventStore.gapTimeout().toMillis())
                .maxGapOffset(eventStore.maxGapOffset())
                .lowestGlobalSequence(LOWEST_POSITION);
    }

    @Bean(name = "eventBus")
    @ConditionalOnMissingBean({EventBus.class, EventStore.class})
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  EventStoreProperties eventStore) {
        return EmbeddedEventStore.builder()
                .storageEngine(new SharedReplayReads(new PositionedReads(storageEngine), eventStore.batchSize(), 4,
                        1_000))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(eventStore.fetchDelay().toMillis())
                .build();
    }
}
