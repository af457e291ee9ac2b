package org.partnershipledger.query.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One parameterised statement a projection runs for many events, sent as one JDBC batch when the processor's batch
 * commits rather than one round trip per event; a plain INSERT's rows go as one {@code COPY} when there are enough of
 * them ({@link CopyRows}), as in a replay. Rows run in the order they were added; a projection that also
 * writes in other ways calls {@link #flush()} first, so its writes keep the events' order. Outside a processor
 * (tests calling handlers directly), and while a failed batch is handled again event by event
 * ({@link FailureIsolation}), each row is written at once.
 */
public final class BatchedWrites {

    /**
     * From this many rows a batch is a replay's, or a processor's catching up: a completion that reads what the rows
     * need once for all of them pays there. A live batch has fewer, and per-row statements that find it themselves
     * cost one round trip for them all.
     */
    public static final int BULK = 32;

    private final JdbcTemplate jdbc;
    private final String sql;
    /** The statement's rows as one COPY, when it is a plain INSERT and a batch has enough of them. */
    private final CopyRows copy;
    /** What the rows need from other tables, added when they are written; the identity when nothing. */
    private final UnaryOperator<List<Object[]>> complete;
    private final java.util.concurrent.atomic.AtomicLong copied = new java.util.concurrent.atomic.AtomicLong();
    private final String key = ResourceKeys.of(this);

    public BatchedWrites(JdbcTemplate jdbc, String sql) {
        this(jdbc, sql, UnaryOperator.identity());
    }

    /**
     * {@code complete}: turns the rows as added into the statement's rows, when they are written (for values read
     * from other tables, once for the whole batch rather than once per row); it may leave rows out.
     */
    public BatchedWrites(JdbcTemplate jdbc, String sql, UnaryOperator<List<Object[]>> complete) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.copy = CopyRows.of(sql).orElse(null);
        this.complete = complete;
    }

    public void add(Object... values) {
        Object[] row = StorableParams.storable(values);
        if (!CurrentUnitOfWork.isStarted()) {
            complete.apply(List.<Object[]>of(row)).forEach(completed -> jdbc.update(sql, completed));
            return;
        }
        if (FailureIsolation.careful()) {
            flush(); // rows of earlier events of the batch first, to keep the events' order
            complete.apply(List.<Object[]>of(row)).forEach(completed -> jdbc.update(sql, completed));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(key, k -> {
            List<Object[]> pending = new ArrayList<>();
            root.onPrepareCommit(u -> write(pending));
            return pending;
        }).add(row);
    }

    /** Writes what is pending now. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> pending = CurrentUnitOfWork.get().root().getResource(key);
            if (pending != null) {
                write(pending);
            }
        }
    }

    /** Rows written with COPY so far (for tests and diagnostics). */
    long copiedRows() {
        return copied.get();
    }

    private void write(List<Object[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        writeNow(pending);
        pending.clear();
    }

    /** Writes {@code pending} at once: as one COPY when there are enough of them, else as a batch. */
    void writeNow(List<Object[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Object[]> rows = complete.apply(pending);
        boolean asCopy = copy != null && rows.size() >= CopyRows.FEWEST
                && Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> copy.write(c, rows)));
        if (asCopy) {
            copied.addAndGet(rows.size());
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
