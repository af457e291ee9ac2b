package org.partnershipledger.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection's only way to its tables: SQL on the tables its read model owns ({@link Owns}), under their live
 * names or, in a rebuild, under the names of the rebuild's copies. A projection receives one in its constructor and
 * never sees the raw connection, so no statement of a rebuild can reach the live tables. Statements it sends for many
 * events can go in JDBC batches ({@link #batched}); every other statement ({@link #sql}) sends what is pending
 * first, so the writes keep the events' order. Text goes to the tables as PostgreSQL can keep it
 * ({@link StorableParams}).
 */
public final class Tables {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TableNames names;
    private final String processor;
    private final List<BatchedWrites> batches = new ArrayList<>();
    /** Shared by the threads of a rebuild in segments. */
    private final Map<String, BatchedWrites> inserts = new ConcurrentHashMap<>();

    Tables(JdbcClient jdbc, JdbcTemplate batch, TableNames names, String processor) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.names = names;
        this.processor = processor;
    }

    /** A statement on these tables, after whatever is pending in their batches. */
    public JdbcClient.StatementSpec sql(String sql) {
        batches.forEach(BatchedWrites::flush);
        return new StorableParams(jdbc.sql(names.sql(sql)));
    }

    /**
     * The JSON documents ({@code doc}) of these keys of a table, by key, in one query; a key with no row is left
     * out. Joined with the keys rather than "= ANY(?)", which a prepared plan may turn into a scan of the table.
     */
    public Map<String, String> documents(String table, String keyColumn, Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        sql("SELECT t.%s, t.doc::text FROM %s t JOIN unnest(CAST(? AS text[])) AS wanted(id) ON t.%s = wanted.id"
                .formatted(keyColumn, table, keyColumn))
                .param(keys.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> found.put(rs.getString(1), rs.getString(2)));
        return found;
    }

    /** A statement on these tables sent in batches, in the order its rows are added. */
    public BatchedWrites batched(String sql) {
        BatchedWrites writes = new BatchedWrites(batch, names.sql(sql));
        batches.add(writes);
        return writes;
    }

    /**
     * A statement on these tables sent in batches, each batch's rows first given what they need from other tables
     * ({@code complete}, which runs its statements with {@link #direct}).
     */
    public BatchedWrites batched(String sql, UnaryOperator<List<Object[]>> complete) {
        BatchedWrites writes = new BatchedWrites(batch, names.sql(sql), complete);
        batches.add(writes);
        return writes;
    }

    /**
     * A statement that does not send the pending batches first, for a batch's own rows as they are written (what
     * they need from other tables, or some of them written another way): it must not touch what the pending rows
     * of other batches will write.
     */
    public JdbcClient.StatementSpec direct(String sql) {
        return new StorableParams(jdbc.sql(names.sql(sql)));
    }

    /**
     * Many rows of one INSERT, now, after whatever is pending: as one {@code COPY} when there are enough of them and
     * none is there already ({@link CopyRows}), else as one batch.
     */
    public void insert(String sql, List<Object[]> rows) {
        batches.forEach(BatchedWrites::flush);
        inserts.computeIfAbsent(sql, statement -> new BatchedWrites(batch, names.sql(statement)))
                .writeNow(storable(rows));
    }

    /**
     * One statement for many rows, in one round trip, without sending the pending batches first (see
     * {@link #direct}).
     */
    public void directBatch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(names.sql(sql), storable(rows));
        }
    }

    /** One statement for many rows, in one round trip, after whatever is pending. */
    public void batchUpdate(String sql, List<Object[]> rows) {
        batches.forEach(BatchedWrites::flush);
        batch.batchUpdate(names.sql(sql), storable(rows));
    }

    private static List<Object[]> storable(List<Object[]> rows) {
        List<Object[]> kept = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            kept.add(StorableParams.storable(row));
        }
        return kept;
    }

    /** Forgets the position the read model reflects (for its reset handler). */
    public void forgetPosition() {
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(processor).update();
    }
}
