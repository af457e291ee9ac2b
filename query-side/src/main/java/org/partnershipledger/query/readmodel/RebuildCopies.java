package org.partnershipledger.query.readmodel;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A rebuild's copies of a read model's tables ({@code …__next}), made cheap to fill: they are created with only the
 * keys that give the projection's statements their meaning (primary keys, exclusion constraints and unique indexes,
 * which {@code ON CONFLICT} needs) and with the partial indexes, which are made for a projection's own lookups (a
 * pivot still waiting for a measurement). The other indexes, which serve the read model's questions, and the unique
 * constraints other than the primary key are built once the copy has caught up, in one transaction
 * ({@link #finish}), just before the take-over. So a projection's {@code ON CONFLICT} names its table's primary key
 * or a unique index, never another unique constraint: the event log's {@code event_id}, when it was unique (never a
 * conflict target), cost a tenth to a sixth of PostgreSQL's time in a rebuild (a random key in a second B-tree). A
 * duplicate the deferred constraint would have refused still makes the take-over fail, as building it then fails.
 *
 * <p>The copies are logged tables from the start. Earlier they were {@code UNLOGGED} and set {@code LOGGED} before
 * the take-over; but {@code COPY} into a logged table costs PostgreSQL about what it costs into an unlogged one,
 * while {@code SET LOGGED} rewrites the whole table into the WAL: a third more for the event log's copy. Being
 * logged, a copy survives a crash with the rows its rebuild committed along with its token, so the rebuild resumes
 * where it was. A copy found unlogged (made by an earlier version) may have been emptied by a crash while the token
 * says otherwise: its rebuild starts again from scratch ({@link #durable} is false). The live tables are never
 * touched before the take-over.
 */
final class RebuildCopies {

    private final JdbcClient jdbc;
    /** The connections, to let the driver wait as long as the finishing statements may take; none in some tests. */
    private final DataSource dataSource;
    /** How long finishing may take at the most. */
    private final Duration finishTimeout;

    RebuildCopies(JdbcClient jdbc) {
        this(jdbc, null, Duration.ofHours(1));
    }

    /** A copy is analysed again while it fills when it is this many times as large as when it last was. */
    static final int GROWTH = 8;
    /** The size of each copy when it was last analysed while it filled. */
    private final Map<String, Long> analyzedAt = new ConcurrentHashMap<>();

    RebuildCopies(JdbcClient jdbc, DataSource dataSource, Duration finishTimeout) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.finishTimeout = finishTimeout;
    }

    /**
     * Creates the copy of {@code table}, logged, with its primary key, exclusion constraints, unique and partial
     * indexes, but without its other indexes and unique constraints.
     */
    void create(String table) {
        String next = table + TableNames.NEXT;
        jdbc.sql("DROP TABLE IF EXISTS " + next).update();
        analyzedAt.remove(next); // a new copy: whatever size an earlier one reached
        jdbc.sql("CREATE TABLE " + next + " (LIKE " + table + " INCLUDING ALL EXCLUDING INDEXES)").update();
        constraints(table, true).forEach(constraint ->
                jdbc.sql("ALTER TABLE " + next + " ADD " + constraint).update());
        indexes(table, true).forEach(index -> jdbc.sql(onCopy(index, table)).update());
    }

    /**
     * Builds the copies' remaining indexes and unique constraints (and makes a copy of an earlier version logged);
     * call it in a transaction. Over a large history this takes longer than the bound on every other transaction of
     * the service: a bound that keeps the event store's gaps short, which does not concern this transaction, as it
     * appends no event. So it runs with a bound of its own
     * ({@code ledger.rebuilds.finish-timeout}, an hour by default) for each statement and for the transaction, and
     * the driver waits for its statements that long (and 15 s more): a database that stops answering still ends it,
     * and the rebuild tries again. The connection gets its usual bounds back when the transaction ends.
     */
    void finish(List<String> tables) {
        String millis = Long.toString(finishTimeout.toMillis());
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)").param(millis).query().listOfRows();
        // the transaction's timer runs from its start and a new value does not restart it: off first, then on again
        for (String value : List.of("0", millis)) {
            jdbc.sql("""
                            SELECT CASE WHEN current_setting('server_version_num')::int >= 170000
                                        THEN set_config('transaction_timeout', ?, true) END""")
                    .param(value).query().listOfRows();
        }
        if (dataSource != null) {
            try {
                DataSourceUtils.getConnection(dataSource).setNetworkTimeout(Runnable::run,
                        (int) Math.min(Integer.MAX_VALUE, finishTimeout.plusSeconds(15).toMillis()));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not lift the driver's time limit for the rebuild", e);
            }
        }
        for (String table : tables) {
            indexes(table, false).forEach(index -> jdbc.sql(onCopy(index, table)).update());
            constraints(table, false).forEach(constraint ->
                    jdbc.sql("ALTER TABLE " + table + TableNames.NEXT + " ADD " + constraint).update());
            jdbc.sql("ALTER TABLE " + table + TableNames.NEXT + " SET LOGGED").update();
        }
        // statistics for the live table each becomes, as they fill (autovacuum samples it fully later on)
        analyzeGrown(tables);
        tables.forEach(table -> analyzedAt.remove(table + TableNames.NEXT));
    }

    /**
     * Gives the planner the size and contents of the copies that have grown eightfold since it last looked (call it
     * in a transaction, now and then while they fill). A new table has no statistics, so PostgreSQL plans a
     * projection's lookups in it as if it were nearly empty: a batch's programs looked up with {@code = ANY(?)} were
     * read by scanning the whole copy, each batch longer than the last. Between two looks the planner scales the
     * rows it knows of by the table's pages, so a look now and then is enough: sampled lightly (a tenth of the
     * usual rows), a copy of a million rows is looked at about eight times.
     */
    void analyzeGrown(List<String> tables) {
        jdbc.sql("SET LOCAL default_statistics_target = 10").update();
        tables.forEach(table -> analyzeIfGrown(table + TableNames.NEXT));
    }

    private void analyzeIfGrown(String copy) {
        Long size = jdbc.sql("SELECT pg_relation_size(to_regclass(?))").param(copy).query(Long.class).single();
        if (size != null && size > 0 && size >= GROWTH * analyzedAt.getOrDefault(copy, 0L)) {
            analyze(copy);
            analyzedAt.put(copy, size);
        }
    }

    /**
     * Analyses {@code copy}'s columns but its JSON documents: no question looks inside them through the planner's
     * statistics, and sampling them was most of the time (an event log's copy of 200,000 rows: 275 ms).
     */
    private void analyze(String copy) {
        String columns = jdbc.sql("""
                        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                        WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped
                          AND atttypid NOT IN (CAST('json' AS regtype), CAST('jsonb' AS regtype))""")
                .param(copy).query(String.class).single();
        jdbc.sql("ANALYZE " + copy + (columns == null ? "" : " (" + columns + ")")).update();
    }

    /** Whether every copy is there and finished: logged, with as many indexes as its live table. */
    boolean finished(List<String> tables) {
        return durable(tables) && tables.stream().allMatch(table -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM pg_index WHERE indrelid = CAST(? AS regclass))
                             = (SELECT count(*) FROM pg_index WHERE indrelid = CAST(? AS regclass))""")
                .params(table + TableNames.NEXT, table).query(Boolean.class).single());
    }

    /** Whether every copy is there and logged: it survives a crash, so its rebuild can resume. */
    boolean durable(List<String> tables) {
        return tables.stream().allMatch(table -> jdbc.sql("""
                        SELECT coalesce((SELECT relpersistence = 'p' FROM pg_class
                                         WHERE oid = to_regclass(?)), false)""")
                .param(table + TableNames.NEXT).query(Boolean.class).single());
    }

    /**
     * The definitions of {@code table}'s key constraints: those a copy needs while it fills (primary key, exclusion),
     * or its other unique constraints.
     */
    private List<String> constraints(String table, boolean whileFilling) {
        return jdbc.sql("""
                        SELECT pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = CAST(? AS regclass) AND contype IN ('p', 'u', 'x')
                          AND (contype <> 'u') = ?
                        ORDER BY conname""")
                .params(table, whileFilling).query(String.class).list();
    }

    /**
     * The definitions of {@code table}'s indexes that back no constraint: those a copy needs while it fills (unique
     * or partial), or the others.
     */
    private List<String> indexes(String table, boolean whileFilling) {
        return jdbc.sql("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = CAST(? AS regclass) AND (i.indisunique OR i.indpred IS NOT NULL) = ?
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                        ORDER BY i.indexrelid""")
                .params(table, whileFilling).query(String.class).list();
    }

    /**
     * An index definition of the live table turned into one on its copy, named by PostgreSQL: {@code CREATE INDEX
     * name ON query_side.t USING …} becomes {@code CREATE INDEX ON query_side.t__next USING …}.
     */
    static String onCopy(String definition, String table) {
        int on = definition.indexOf(" ON ");
        String head = definition.substring(0, on);
        String kind = head.startsWith("CREATE UNIQUE INDEX") ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
        String rest = definition.substring(on + " ON ".length());
        String target = rest.startsWith("ONLY ") ? rest.substring("ONLY ".length()) : rest;
        if (!target.startsWith(table + " ")) {
            throw new IllegalStateException("Unexpected index definition on " + table + ": " + definition);
        }
        return kind + " ON " + table + TableNames.NEXT + target.substring(table.length());
    }
}
