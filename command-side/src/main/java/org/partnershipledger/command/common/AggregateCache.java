package org.partnershipledger.command.common;

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
 * CPU deserialising snapshots (18 ms per command, measured). Here an aggregate leaves only when
 * {@code maxEntries} others were used after it, or when its unit of work rolls back.
 */
public class AggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
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
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        boolean existed = entries.put(key, value) != null;
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
        if (entries.containsKey(key)) {
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
        return entries.containsKey(key);
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
