package org.partnershipledger.query.readmodel;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of a view kept in a table of their own (a program's impact records, say), as a plain list to the fold
 * that changes them. Rows added to it are remembered without reading what is stored; the stored rows are read only
 * when the fold looks at the list, and one stored row alone when the fold asks for it by its key ({@link #byKey}).
 * The store then writes back the rows added or changed, and nothing else, so a view with a long past costs no more
 * to change than a new one.
 *
 * @param <T> the row type
 */
public final class StoredRows<T> extends AbstractList<T> {

    private final Supplier<List<T>> stored;
    /** Reads one stored row by its key. */
    private final Function<String, Optional<T>> storedOne;
    private final Function<T, String> key;
    private final Function<T, String> json;
    private List<T> rows;
    /** Rows added while the stored ones were not read. */
    private final List<T> added = new ArrayList<>();
    /** Stored rows read one by one, by key, while the others were not read. */
    private final Map<String, T> fetched = new LinkedHashMap<>();
    /** Each row as it is in the table, by key, once the stored rows are read. */
    private final Map<String, String> written = new HashMap<>();

    /**
     * @param stored reads the stored rows, in order
     * @param key    a row's key in its table
     * @param json   a row as it is written
     */
    public StoredRows(Supplier<List<T>> stored, Function<T, String> key, Function<T, String> json) {
        this(stored, wanted -> stored.get().stream().filter(row -> key.apply(row).equals(wanted)).findFirst(), key,
                json);
    }

    /** @param storedOne reads the stored row with a key, if there is one */
    public StoredRows(Supplier<List<T>> stored, Function<String, Optional<T>> storedOne, Function<T, String> key,
                      Function<T, String> json) {
        this.stored = stored;
        this.storedOne = storedOne;
        this.key = key;
        this.json = json;
    }

    @Override
    public boolean add(T row) {
        if (rows == null) {
            added.add(row);
        } else {
            rows.add(row);
        }
        modCount++;
        return true;
    }

    @Override
    public T get(int index) {
        return read().get(index);
    }

    @Override
    public int size() {
        return read().size();
    }

    @Override
    public T set(int index, T row) {
        return read().set(index, row);
    }

    @Override
    public void add(int index, T row) {
        read().add(index, row);
        modCount++;
    }

    @Override
    public T remove(int index) {
        modCount++;
        return read().remove(index);
    }

    /**
     * The row with {@code wanted} as its key, as the list holds it: when the stored rows are not read, only that
     * row is read (and written back if it is changed).
     */
    public Optional<T> byKey(String wanted) {
        if (rows != null) {
            return rows.stream().filter(row -> key.apply(row).equals(wanted)).findFirst();
        }
        for (T row : added) {
            if (key.apply(row).equals(wanted)) {
                return Optional.of(row);
            }
        }
        T known = fetched.get(wanted);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<T> one = storedOne.apply(wanted);
        one.ifPresent(row -> {
            fetched.put(wanted, row);
            written.put(wanted, json.apply(row));
        });
        return one;
    }

    /** What to write: rows new to the table, and stored rows that changed, each with its text. */
    public record Changes<T>(List<T> added, List<T> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty();
        }
    }

    /** The rows added or changed since they were read or last written; they count as written from now on. */
    public List<T> takeChanged() {
        Changes<T> changes = takeChanges();
        List<T> all = new ArrayList<>(changes.added());
        all.addAll(changes.changed());
        return all;
    }

    /** As {@link #takeChanged}, the rows new to the table apart from the stored ones that changed. */
    public Changes<T> takeChanges() {
        List<T> fresh = new ArrayList<>();
        List<T> changed = new ArrayList<>();
        if (rows == null) {
            fresh.addAll(added);
            added.forEach(row -> written.put(key.apply(row), null));
            added.clear();
            for (T row : fetched.values()) {
                String text = json.apply(row);
                if (!text.equals(written.put(key.apply(row), text))) {
                    changed.add(row);
                }
            }
            return new Changes<>(fresh, changed);
        }
        for (T row : rows) {
            String rowKey = key.apply(row);
            boolean stored = written.containsKey(rowKey);
            String text = json.apply(row);
            String before = written.put(rowKey, text);
            if (!stored) {
                fresh.add(row);
            } else if (!text.equals(before)) {
                changed.add(row);
            }
        }
        return new Changes<>(fresh, changed);
    }

    private List<T> read() {
        if (rows == null) {
            rows = new ArrayList<>();
            for (T row : stored.get()) {
                String rowKey = key.apply(row);
                T known = fetched.get(rowKey);
                if (known != null) {
                    rows.add(known); // read alone before, perhaps changed since: that one counts
                } else {
                    rows.add(row);
                    written.put(rowKey, json.apply(row));
                }
            }
            rows.addAll(added);
            added.clear();
            fetched.clear();
        }
        return rows;
    }
}
