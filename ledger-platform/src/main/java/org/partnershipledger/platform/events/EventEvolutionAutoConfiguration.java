package org.partnershipledger.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * How stored events evolve (docs/design.md, "How events evolve"): every Axon serializer reads with a tolerant copy of
 * the application's mapper, and each change of an event's shape has an upcaster here, from its old revision to the
 * next. Axon's Spring Boot auto-configuration puts every {@link EventUpcaster} bean, in {@link Order}, into the chain
 * the event store reads through (on PostgreSQL and on Axon Server alike).
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class EventEvolutionAutoConfiguration {

    /**
     * Axon builds its serializers (general, events, messages) with the bean of this name when there is one, and
     * otherwise with the application's mapper, which refuses unknown fields (right for request bodies, wrong for
     * history). Not a candidate for injection, so every other ObjectMapper user keeps the application's.
     */
    @Bean(name = "defaultAxonObjectMapper", autowireCandidate = false)
    ObjectMapper defaultAxonObjectMapper(ObjectMapper application) {
        return StoredMessages.tolerant(application);
    }

    /**
     * Axon's Jackson serializers (general, messages, events), read through {@link StoredMessagesSerializer}: the same
     * mapper and converter, the lookups made once rather than for every message.
     */
    @Bean
    static BeanPostProcessor storedMessagesSerializers(ObjectProvider<RevisionResolver> revisions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean.getClass() == JacksonSerializer.class
                        ? StoredMessagesSerializer.of((JacksonSerializer) bean,
                        revisions.getIfAvailable(AnnotationRevisionResolver::new))
                        : bean;
            }
        };
    }

    @Bean
    @Order(1)
    EventUpcaster dueDiligenceAssessedUpcaster() {
        return new DueDiligenceAssessedUpcaster();
    }
}
