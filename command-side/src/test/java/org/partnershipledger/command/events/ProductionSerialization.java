package org.partnershipledger.command.events;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.partnershipledger.platform.events.EventEvolutionAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Stored events read the way the services read them: the event serializer and the upcasters come from the same
 * Spring auto-configurations as in production (the ledger's defaults, Spring's Jackson, the ledger's event evolution,
 * Axon's serializers), and events pass through Axon's own upcast-and-deserialise path, as the event store's.
 */
final class ProductionSerialization implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final Serializer eventSerializer;
    /** The chain Axon's configuration built from the EventUpcaster beans, as the event store reads through it. */
    final EventUpcaster upcasters;

    private ProductionSerialization(ConfigurableApplicationContext context) {
        this.context = context;
        this.eventSerializer = context.getBean("eventSerializer", Serializer.class);
        this.upcasters = context.getBean(org.axonframework.config.Configuration.class).upcasterChain();
    }

    static ProductionSerialization start() {
        return new ProductionSerialization(new SpringApplicationBuilder(Serialization.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--axoniq.console.enabled=false"));
    }

    /** Only what reads stored events; the ledger's defaults apply, as to every service (LedgerEnvironment). */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, EventEvolutionAutoConfiguration.class,
            ObjectMapperAutoConfiguration.class, AxonAutoConfiguration.class, InfraConfiguration.class,
            EventProcessingAutoConfiguration.class, NoOpTransactionAutoConfiguration.class,
            AxonTracingAutoConfiguration.class})
    static class Serialization {
    }

    /** The event a stored payload of {@code type} at {@code revision} is read as, after upcasting. */
    Object read(String type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", "a-1", 0,
                UUID.randomUUID().toString(), Instant.parse("2026-09-30T10:15:30Z"), type, revision, payload,
                "{}".getBytes());
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), eventSerializer,
                upcasters);
        DomainEventMessage<?> event = events.next();
        return event.getPayload();
    }

    @Override
    public void close() {
        context.close();
    }
}
