package org.partnershipledger.query.readmodel;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The stored payload types a read model's projections handle: a rebuild of the read model need read no other row
 * of the store ({@link org.partnershipledger.platform.axon.EventTypeReads}).
 *
 * <p>A handler of a concrete event type adds that type; a handler of an interface (every event of a partnership)
 * adds every event class of the ledger that implements it; a handler of {@code Object} (every event) means no
 * filter at all, unless it says which classes it acts on ({@link ActsOnlyOn}): then every event class of the ledger
 * its test picks. A type stored in the event store whose class no longer exists is read too: an upcaster may make
 * it into a handled one.
 *
 * <p>Reading only some types pays when it leaves out most of the store. When the types handled are most of it
 * (board-views handles nearly every event, impact-facts the impact records, which are most events), the rebuild
 * reads every event through the shared reader instead: rebuilds running at once then read and deserialise each
 * event once between them, where each typed reader would read and deserialise its own copy.
 */
final class HandledTypes {

    /** Where the ledger's event classes are. */
    static final String EVENTS_PACKAGE = "org.partnershipledger.events";

    private HandledTypes() {
    }

    /**
     * The names to read, or empty when the rebuild should read every event: a handler takes every event, or the
     * stored events of the types to read are more than {@code share} of the store. {@code storedCounts} is the
     * number of stored events of each stored type (a scan of the store), asked for only when there is a filter to
     * make.
     */
    static Optional<Set<String>> of(Collection<Class<?>> projections, Supplier<Map<String, Long>> storedCounts,
                                    double share) {
        Optional<Set<String>> handled = handled(projections);
        if (handled.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> stored = storedCounts.get();
        Set<String> names = new TreeSet<>(handled.get());
        stored.keySet().stream().filter(type -> !ClassUtils.isPresent(type, HandledTypes.class.getClassLoader()))
                .forEach(names::add);
        long all = stored.values().stream().mapToLong(Long::longValue).sum();
        long read = names.stream().mapToLong(type -> stored.getOrDefault(type, 0L)).sum();
        return read <= share * all ? Optional.of(names) : Optional.empty();
    }

    /** The event classes the projections' handlers take; empty when one takes every event. */
    private static Optional<Set<String>> handled(Collection<Class<?>> projections) {
        Set<String> names = new TreeSet<>();
        for (Class<?> projection : projections) {
            for (Class<?> type = projection; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    EventHandler handler = method.getAnnotation(EventHandler.class);
                    if (handler == null) {
                        continue;
                    }
                    // a first parameter that is the message itself takes the annotation's payload type
                    Class<?> first = method.getParameterCount() > 0 ? method.getParameterTypes()[0] : Object.class;
                    Class<?> payload = handler.payloadType() != Object.class || Message.class.isAssignableFrom(first)
                            ? handler.payloadType() : first;
                    ActsOnlyOn only = method.getAnnotation(ActsOnlyOn.class);
                    if (payload == Object.class && only != null) {
                        names.addAll(picked(only.value()));
                    } else if (payload == Object.class || !payload.getName().startsWith(EVENTS_PACKAGE + ".")) {
                        return Optional.empty();
                    } else {
                        names.addAll(concrete(payload));
                    }
                }
            }
        }
        return Optional.of(names);
    }

    /** Every class of the ledger's events that {@code test} picks. */
    private static Set<String> picked(Class<? extends Predicate<Class<?>>> test) {
        Predicate<Class<?>> picks;
        try {
            Constructor<? extends Predicate<Class<?>>> constructor = test.getDeclaredConstructor();
            constructor.setAccessible(true);
            picks = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make the test " + test.getName(), e);
        }
        Set<String> names = eventClasses((reader, factory) -> true);
        names.removeIf(name -> !picks.test(ClassUtils.resolveClassName(name, HandledTypes.class.getClassLoader())));
        return names;
    }

    /** {@code type} itself, or every event class that implements or extends it. */
    private static Set<String> concrete(Class<?> type) {
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            return new TreeSet<>(Set.of(type.getName()));
        }
        return eventClasses(new AssignableTypeFilter(type));
    }

    /** The names of the concrete classes of the ledger's events that {@code filter} takes. */
    private static Set<String> eventClasses(TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(filter);
        Set<String> names = new TreeSet<>();
        scanner.findCandidateComponents(EVENTS_PACKAGE).forEach(found -> names.add(found.getBeanClassName()));
        return names;
    }
}
