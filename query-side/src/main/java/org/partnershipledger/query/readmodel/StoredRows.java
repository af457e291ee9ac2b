package org.partnershipledger.query.readmodel;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of a view kept in a table of their own (a program's impact records, say), as a plain list to the fold
 * that changes them. Rows added to it are remembered without reading what is stored; the stored rows are read only
 * when the fold looks at the list. The store then writes back the rows added or changed, and nothing else, so a
 * view with a long past costs no more to change than a new one.
 *
 * @param <T> the row type
 */
public final class StoredRows<T> extends AbstractList<T> {

    private final Supplier<List<T>> stored;
    private final Function<T, String> key;
    private final Function<T, String> json;
    private List<T> rows;
    /** Rows added while the stored ones were not read. */
    private final List<T> added = new ArrayList<>();
    /** Each row as it is in the table, by key, once the stored rows are read. */
    private final Map<String, String> written = new HashMap<>();

    /**
     * @param stored reads the stored rows, in order
     * @param key    a row's key in its table
     * @param json   a row as it is written
     */
    public StoredRows(Supplier<List<T>> stored, Function<T, String> key, Function<T, String> json) {
        this.stored = stored;
        this.key = key;
        this.json = json;
    }

    /** Rows just written, as they are now in the table. */
    public static <T> StoredRows<T> written(List<T> rows, Function<T, String> key, Function<T, String> json) {
        StoredRows<T> written = new StoredRows<>(List::of, key, json);
        written.read().addAll(rows);
        written.takeChanged();
        return written;
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

    /** The rows added or changed since they were read or last written; they count as written from now on. */
    public List<T> takeChanged() {
        List<T> changed = new ArrayList<>();
        if (rows == null) {
            changed.addAll(added);
            added.clear();
            return changed;
        }
        for (T row : rows) {
            String text = json.apply(row);
            if (!text.equals(written.put(key.apply(row), text))) {
                changed.add(row);
            }
        }
        return changed;
    }

    private List<T> read() {
        if (rows == null) {
            rows = new ArrayList<>(stored.get());
            rows.forEach(row -> written.put(key.apply(row), json.apply(row)));
            rows.addAll(added);
            added.clear();
        }
        return rows;
    }
}
