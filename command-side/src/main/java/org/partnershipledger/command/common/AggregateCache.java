package org.partnershipledger.command.common;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregates kept in memory between commands: the {@code maxEntries} used most recently, held strongly.
 *
 * <p>Why not Axon's {@code WeakReferenceCache}: its entries go with the next garbage collection, which on a busy
 * command side comes every second or two. Every aggregate was then loaded again from its snapshot, and a snapshot
 * holds the aggregate's whole state: on a program with 25,000 impact records the command side spent most of its
 * CPU deserialising snapshots (18 ms per command, measured). Here an aggregate leaves when {@code maxEntries}
 * others were used after it, or when its unit of work rolls back. Entries are held through soft references: the
 * garbage collector leaves them alone until the heap runs short, so a few very large aggregates can never exhaust
 * it; one cleared that way is simply loaded again.
 */
public class AggregateCache implements Cache {

    private final Map<Object, SoftReference<Object>> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<Object>> eldest) {
                boolean full = size() > maxEntries;
                if (full) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = value(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    /** The value held for {@code key}; an entry the collector cleared is dropped. */
    private Object value(Object key) {
        SoftReference<Object> held = entries.get(key);
        Object value = held == null ? null : held.get();
        if (held != null && value == null) {
            entries.remove(key);
            listeners.forEach(listener -> listener.onEntryExpired(key));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        boolean existed = entries.put(key, new SoftReference<>(value)) != null;
        listeners.forEach(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (value(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return value(key) != null;
    }

    /** How many aggregates are held now. */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        listeners.add(cacheEntryListener);
        return () -> listeners.remove(cacheEntryListener);
    }
}
