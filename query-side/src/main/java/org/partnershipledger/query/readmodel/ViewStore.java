package org.partnershipledger.query.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Document read models (one JSON document per aggregate) loaded at most once per batch and written back once,
 * when the batch commits. Keeps a replay from reading and writing the same document for every event.
 *
 * @param <V> the view type
 */
public abstract class ViewStore<V> {

    private final String resourceKey = getClass().getName() + "@" + System.identityHashCode(this);

    /** Loads the stored view, if there is one. */
    protected abstract Optional<V> load(String id);

    /** Writes the view back (insert or update). */
    protected abstract void save(String id, V view);

    /** Writes the views back; a store that writes many views' rows at once does it here, after each {@link #save}. */
    protected void saveAll(Map<String, V> views) {
        views.forEach(this::save);
    }

    /** The view for {@code id} as this batch sees it, created by {@code create} when it does not exist yet. */
    public V get(String id, Function<String, V> create) {
        Map<String, V> batch = batch();
        V view = batch.get(id);
        if (view == null) {
            view = load(id).orElseGet(() -> create.apply(id));
            batch.put(id, view);
        }
        return view;
    }

    /** The view as this batch sees it, or as stored; empty when it does not exist. */
    public Optional<V> find(String id) {
        V cached = batch().get(id);
        return cached != null ? Optional.of(cached) : load(id);
    }

    private Map<String, V> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new LinkedHashMap<>(); // outside a processor (tests calling handlers directly): write through
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (FailureIsolation.careful()) {
            // a failed batch handled again event by event: what earlier events of the batch changed is written
            // now, and this event reads and writes its views inside its own savepoint, so a failure undoes them
            Map<String, V> pending = root.getResource(resourceKey);
            if (pending != null) {
                saveAll(pending);
                pending.clear();
            }
            return new LinkedHashMap<>();
        }
        return root.getOrComputeResource(resourceKey, key -> {
            Map<String, V> views = new LinkedHashMap<>();
            root.onPrepareCommit(u -> saveAll(views));
            return views;
        });
    }

    /** Saves at once when there is no batch to wait for, or when the event is handled on its own. */
    public void changed(String id, V view) {
        if (!CurrentUnitOfWork.isStarted() || FailureIsolation.careful()) {
            saveAll(Map.of(id, view));
        }
    }
}
