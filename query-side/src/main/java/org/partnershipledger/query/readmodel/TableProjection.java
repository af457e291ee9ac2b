package org.partnershipledger.query.readmodel;

import java.util.ArrayList;
import java.util.List;
import org.partnershipledger.query.common.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that writes SQL into a set of tables: the live ones, or a rebuild's copies ({@link ReadModelTables}).
 * Statements it sends for many events can go in JDBC batches ({@link #batched}); every other statement
 * ({@link #sql}) sends what is pending first, so the writes keep the events' order.
 */
public abstract class TableProjection {

    protected final JdbcClient jdbc;
    protected final ReadModelTables tables;
    private final List<BatchedWrites> batches = new ArrayList<>();

    protected TableProjection(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** A statement on this projection's tables, after whatever is pending in its batches. */
    protected JdbcClient.StatementSpec sql(String sql) {
        batches.forEach(BatchedWrites::flush);
        return jdbc.sql(tables.sql(sql));
    }

    /** A statement on this projection's tables sent in batches, in the order its rows are added. */
    protected BatchedWrites batched(JdbcTemplate batch, String sql) {
        BatchedWrites writes = new BatchedWrites(batch, tables.sql(sql));
        batches.add(writes);
        return writes;
    }

    /** Forgets the position of {@code processor}'s read model (for its reset handler). */
    protected void forgetPosition(String processor) {
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(processor).update();
    }
}
