package org.partnershipledger.command.common;

import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    /** Until authentication lands every command is recorded as sent by "anonymous". */
    @Bean
    @ConditionalOnMissingBean
    CurrentActor currentActor() {
        return () -> "anonymous";
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandMetadataInterceptor(CurrentActor currentActor) {
        return new CommandMetadataInterceptor(currentActor);
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> rejectionTranslator() {
        return new RejectionTranslator();
    }

    /** New ids come from one place, a bean, so tests can make them predictable. */
    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
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
