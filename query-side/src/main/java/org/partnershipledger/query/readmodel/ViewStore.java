package org.partnershipledger.query.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Document read models (one JSON document per aggregate) loaded at most once per batch and written back once,
 * when the batch commits. Keeps a replay from reading and writing the same document for every event. The views a
 * batch's events change are read together, in one query, when the batch first asks for one of them.
 *
 * @param <V> the view type
 */
public abstract class ViewStore<V> {

    private final String resourceKey = ResourceKeys.of(this);

    /** Loads the stored view, if there is one. */
    protected abstract Optional<V> load(String id);

    /** Loads the stored views of these ids, by id; an id with no stored view is left out. By default one by one. */
    protected Map<String, V> loadAll(Collection<String> ids) {
        Map<String, V> found = new HashMap<>();
        for (String id : ids) {
            load(id).ifPresent(view -> found.put(id, view));
        }
        return found;
    }

    /**
     * The id of the view an event changes, or {@code null} when it changes none of this store's: tells which views
     * a batch will ask for, so they are read together. By default none (each view is read when it is asked for).
     */
    protected String viewOf(EventMessage<?> event) {
        return null;
    }

    /**
     * The aggregate of an event whose payload is a {@code type}, else null: for a store keeping one view per
     * aggregate. Told by the stored payload type, so the batch's other events are not deserialised for it.
     */
    protected static String aggregateOf(EventMessage<?> event, Class<?> type) {
        return event instanceof DomainEventMessage<?> domain && type.isAssignableFrom(event.getPayloadType())
                ? domain.getAggregateIdentifier() : null;
    }

    /** Writes the views back (insert or update); a store that writes many views' rows at once does it here. */
    protected abstract void saveAll(Map<String, V> views);

    /** The view for {@code id} as this batch sees it, created by {@code create} when it does not exist yet. */
    public V get(String id, Function<String, V> create) {
        Batch batch = batch();
        V view = batch.views.get(id);
        if (view == null) {
            view = batch.stored(id).orElseGet(() -> create.apply(id));
            batch.views.put(id, view);
        }
        return view;
    }

    /** The view as this batch sees it, or as stored; empty when it does not exist. */
    public Optional<V> find(String id) {
        V cached = batch().views.get(id);
        return cached != null ? Optional.of(cached) : load(id);
    }

    /**
     * A batch's views: those it asked for, written back when it commits, and those its events will ask for, read
     * together when it first asks for one that is stored.
     */
    private final class Batch {

        final Map<String, V> views = new LinkedHashMap<>();
        private final List<? extends Message<?>> events;
        /**
         * The views the events will ask for and were read, not asked for yet: each as stored, or empty when it is not;
         * null until read.
         */
        private Map<String, Optional<V>> ahead;

        Batch(List<? extends Message<?>> events) {
            this.events = events;
        }

        Optional<V> stored(String id) {
            if (ahead == null) {
                ahead = readAhead();
            }
            // a view read ahead is handed out once: from then on the batch keeps it among its views
            Optional<V> read = ahead.remove(id);
            return read != null ? read : load(id);
        }

        private Map<String, Optional<V>> readAhead() {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> event : events) {
                String viewId = event instanceof EventMessage<?> message ? viewOf(message) : null;
                if (viewId != null && !views.containsKey(viewId)) {
                    ids.add(viewId);
                }
            }
            Map<String, Optional<V>> read = new HashMap<>();
            if (ids.size() > 1) { // a batch of one view reads it alone, when asked
                Map<String, V> found = loadAll(ids);
                ids.forEach(viewId -> read.put(viewId, Optional.ofNullable(found.get(viewId))));
            }
            return read;
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(List.of()); // outside a processor (tests calling handlers directly): write through
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (FailureIsolation.careful()) {
            // a failed batch handled again event by event: what earlier events of the batch changed is written
            // now, and this event reads and writes its views inside its own savepoint, so a failure undoes them
            Batch pending = root.getResource(resourceKey);
            if (pending != null) {
                saveAll(pending.views);
                pending.views.clear();
                pending.ahead = null; // read again if asked for: careful events write their views as they go
            }
            return new Batch(List.of());
        }
        return root.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch(root instanceof BatchingUnitOfWork<?> events
                    ? events.getMessages() : List.of());
            root.onPrepareCommit(u -> saveAll(batch.views));
            return batch;
        });
    }

    /** Saves at once when there is no batch to wait for, or when the event is handled on its own. */
    public void changed(String id, V view) {
        if (!CurrentUnitOfWork.isStarted() || FailureIsolation.careful()) {
            saveAll(Map.of(id, view));
        }
    }
}
