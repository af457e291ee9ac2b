package org.partnershipledger.command.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.partnershipledger.platform.security.LedgerAccessRules;
import org.partnershipledger.platform.security.LedgerRole;
import org.partnershipledger.platform.security.Principals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    /** The authenticated principal; the security rules let no unauthenticated request reach a command. */
    @Bean
    @ConditionalOnMissingBean
    CurrentActor currentActor() {
        return () -> Principals.current().map(Authentication::getName)
                .orElseThrow(() -> new IllegalStateException("A command was sent without an authenticated principal"));
    }

    /** Managers send every command; partners may only raise concerns (checked against the partnership). */
    @Bean
    LedgerAccessRules commandAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/partnerships/*/concerns")
                .hasAnyRole(LedgerRole.MANAGER.name(), LedgerRole.PARTNER.name())
                .requestMatchers(HttpMethod.POST, "/api/partnerships", "/api/partnerships/**", "/api/programs",
                        "/api/programs/**").hasRole(LedgerRole.MANAGER.name())
                .requestMatchers(HttpMethod.PUT, "/api/partnerships/**", "/api/programs/**")
                .hasRole(LedgerRole.MANAGER.name());
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandMetadataInterceptor(CurrentActor currentActor) {
        return new CommandMetadataInterceptor(currentActor);
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> rejectionTranslator() {
        return new RejectionTranslator();
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> idempotencyRecorder(Idempotency idempotency, EventStore eventStore) {
        eventStore.registerDispatchInterceptor(new IdempotencyRecorder.AppliedEvents());
        return new IdempotencyRecorder(idempotency);
    }

    /** After Spring Security's filters (order -100): keys belong to the authenticated principal. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(Idempotency idempotency, ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(idempotency, json));
        registration.setOrder(0);
        return registration;
    }

    /** New ids come from one place, a bean, so tests can make them predictable. */
    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * Aggregates stay in memory between commands instead of being read back from the store each time. Safe because
     * one command side owns each aggregate at a time (Axon Server routes an aggregate's commands consistently):
     * should another writer have appended meanwhile, the append fails on the store's unique key, the unit of work
     * rolls back and the entry is evicted, so the retry reads the store again.
     */
    @Bean
    Cache aggregateCache(@Value("${ledger.aggregate-cache.size:2000}") int size) {
        return new AggregateCache(size);
    }

    /** Snapshots are taken on a thread of their own, after the triggering command has committed. */
    @Bean(destroyMethod = "close")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory, SnapshotThread thread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(thread)
                .build();
    }

    /** Long-lived aggregates load from a snapshot plus the events after it. */
    @Bean
    SnapshotTriggerDefinition partnershipSnapshots(Snapshotter snapshotter,
                                                   @Value("${ledger.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    SnapshotTriggerDefinition programSnapshots(Snapshotter snapshotter,
                                               @Value("${ledger.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
