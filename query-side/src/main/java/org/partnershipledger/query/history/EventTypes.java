package org.partnershipledger.query.history;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Every event of the public language, found in {@code shared-events} by its {@code @Revision}, with the
 * CloudEvents type it leaves the ledger as: {@code ledger.<aggregate>.<event-in-kebab-case>.v<revision>}, e.g.
 * {@code ledger.program.curriculum-pivoted.v1}.
 */
@Component
public class EventTypes {

    /** One event type: its class, its CloudEvents type name and its revision. */
    public record EventType(Class<?> eventClass, String cloudEventType, String revision) {
        public String simpleName() {
            return eventClass.getSimpleName();
        }
    }

    private final Map<String, EventType> bySimpleName = new TreeMap<>();
    private final Map<String, EventType> byCloudEventType = new TreeMap<>();

    EventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        for (BeanDefinition definition : scanner.findCandidateComponents("org.partnershipledger.events")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                String revision = type.getAnnotation(Revision.class).value();
                String aggregate = aggregateOf(type).toLowerCase(java.util.Locale.ROOT);
                EventType eventType = new EventType(type,
                        "ledger." + aggregate + "." + kebab(type.getSimpleName()) + ".v" + revision, revision);
                bySimpleName.put(type.getSimpleName(), eventType);
                byCloudEventType.put(eventType.cloudEventType(), eventType);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Optional<EventType> bySimpleName(String simpleName) {
        return Optional.ofNullable(bySimpleName.get(simpleName));
    }

    public Optional<EventType> byCloudEventType(String type) {
        return Optional.ofNullable(byCloudEventType.get(type));
    }

    public Collection<EventType> all() {
        return byCloudEventType.values();
    }

    /** The aggregate type an event class belongs to, as the event store records it. */
    public static String aggregateOf(Class<?> eventClass) {
        if (PartnershipEvent.class.isAssignableFrom(eventClass)) {
            return PartnershipEvent.AGGREGATE;
        }
        if (ProgramEvent.class.isAssignableFrom(eventClass)) {
            return ProgramEvent.AGGREGATE;
        }
        throw new IllegalArgumentException(eventClass.getName() + " is not an event of a partnership or a program");
    }

    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
