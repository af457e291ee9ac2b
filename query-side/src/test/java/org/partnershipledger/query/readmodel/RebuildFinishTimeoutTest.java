package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild's copies on the real PostgreSQL: what they hold while they fill, and finishing them. Finishing the copies
 * of a large history (its indexes built) takes longer than the bound on the service's other transactions; that
 * bound must not cut it off, and must hold again afterwards. Seen in the benchmark: the event log's copy of
 * 1,360,000 events was cut off at 30 s and built again from the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=query-side", "ledger.db.transaction-timeout=2s"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class RebuildFinishTimeoutTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theFinishingTransactionOutlastsTheServiceBoundWhichHoldsAgainAfterwards() {
        RebuildCopies copies = new RebuildCopies(jdbc, dataSource, Duration.ofSeconds(5));
        String longer = "SELECT pg_sleep(3)";

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.sql(longer).query().listOfRows()))
                .as("the bound on an ordinary transaction").isInstanceOf(RuntimeException.class);

        transaction.executeWithoutResult(status -> {
            copies.finish(List.of());
            jdbc.sql(longer).query().listOfRows();
        });

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            copies.finish(List.of());
            jdbc.sql("SELECT pg_sleep(6)").query().listOfRows();
        })).as("finishing has a bound of its own").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.sql(longer).query().listOfRows()))
                .as("the bound holds again").isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("SELECT current_setting('statement_timeout')").query(String.class).single())
                .isEqualTo("2s");
    }

    @Test
    void aCopyIsLoggedWhileItFillsWithItsKeysOnlyAndIsFinishedOnceItHasEveryIndexOfItsTable() {
        jdbc.sql("DROP TABLE IF EXISTS query_side.copied, query_side.copied__next").update();
        jdbc.sql("""
                CREATE TABLE query_side.copied (id bigint PRIMARY KEY, event_id text UNIQUE, kind text NOT NULL,
                    at timestamptz)""").update();
        jdbc.sql("CREATE INDEX copied_kind ON query_side.copied (kind, at)").update();
        RebuildCopies copies = new RebuildCopies(jdbc, dataSource, Duration.ofSeconds(5));
        List<String> tables = List.of("query_side.copied");

        copies.create("query_side.copied");

        assertThat(jdbc.sql("SELECT relpersistence FROM pg_class WHERE oid = CAST('query_side.copied__next' AS regclass)")
                .query(String.class).single()).as("logged: a crash keeps what the rebuild committed").isEqualTo("p");
        assertThat(indexes("query_side.copied__next")).as("only the key while it fills").containsExactly(
                "CREATE UNIQUE INDEX ON T USING btree (id)");
        assertThat(copies.durable(tables)).isTrue();
        assertThat(copies.finished(tables)).as("indexes still to build").isFalse();

        transaction.executeWithoutResult(status -> copies.finish(tables));

        assertThat(copies.finished(tables)).isTrue();
        assertThat(indexes("query_side.copied__next")).containsExactlyInAnyOrderElementsOf(indexes("query_side.copied"));
        jdbc.sql("DROP TABLE query_side.copied, query_side.copied__next").update();
    }

    /**
     * A copy that fills has no statistics, and PostgreSQL then plans a lookup of a batch's keys as a scan of the
     * whole copy; it is analysed as it grows ({@link RebuildCopies#GROWTH}), its documents left out, and the same
     * rule holds when it is finished, for the readers of the table it becomes.
     */
    @Test
    void aCopyThatFillsIsAnalysedWhenItHasGrownEightfoldAndWhenItIsFinished() {
        jdbc.sql("DROP TABLE IF EXISTS query_side.looked_up, query_side.looked_up__next").update();
        jdbc.sql("CREATE TABLE query_side.looked_up (id text PRIMARY KEY, partnership text NOT NULL, doc jsonb)").update();
        jdbc.sql("CREATE INDEX looked_up_partnership ON query_side.looked_up (partnership)").update();
        RebuildCopies copies = new RebuildCopies(jdbc, dataSource, Duration.ofSeconds(5));
        List<String> tables = List.of("query_side.looked_up");
        copies.create("query_side.looked_up");

        fill(0, 2_000);
        assertThat(rowsKnown()).as("never analysed").isLessThanOrEqualTo(0);
        assertThat(statistics()).isEmpty();
        transaction.executeWithoutResult(status -> copies.analyzeGrown(tables));
        assertThat(rowsKnown()).isEqualTo(2_000);
        assertThat(statistics()).as("documents are not sampled").containsExactlyInAnyOrder("id", "partnership");

        fill(2_000, 10_000);
        transaction.executeWithoutResult(status -> copies.analyzeGrown(tables));
        assertThat(rowsKnown()).as("grown fivefold: not yet again").isEqualTo(2_000);

        fill(10_000, 20_000);
        transaction.executeWithoutResult(status -> copies.analyzeGrown(tables));
        assertThat(rowsKnown()).isEqualTo(20_000);

        copies.create("query_side.looked_up"); // a rebuild from scratch: a new copy, whatever size the last one had
        fill(0, 3_000);
        assertThat(statistics()).isEmpty();
        transaction.executeWithoutResult(status -> copies.analyzeGrown(tables));
        assertThat(rowsKnown()).isEqualTo(3_000);

        copies.create("query_side.looked_up"); // and one finished by a node that never looked at it
        fill(0, 3_000);
        assertThat(statistics()).isEmpty();
        RebuildCopies afterARestart = new RebuildCopies(jdbc, dataSource, Duration.ofSeconds(5));
        transaction.executeWithoutResult(status -> afterARestart.finish(tables));
        assertThat(statistics()).containsExactlyInAnyOrder("id", "partnership");
        jdbc.sql("DROP TABLE query_side.looked_up, query_side.looked_up__next").update();
    }

    private void fill(int from, int to) {
        jdbc.sql("""
                        INSERT INTO query_side.looked_up__next
                        SELECT 'p-' || i, 'partnership-' || (i % 100), jsonb_build_object('i', i)
                        FROM generate_series(?, ?) i""")
                .params(from, to - 1).update();
    }

    private List<String> statistics() {
        return jdbc.sql("SELECT attname FROM pg_stats WHERE schemaname = 'query_side' AND tablename = ?")
                .param("looked_up__next").query(String.class).list();
    }

    private long rowsKnown() {
        return jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE oid = CAST('query_side.looked_up__next' AS regclass)")
                .query(Long.class).single();
    }

    /** A table's index definitions without their names. */
    private List<String> indexes(String table) {
        return jdbc.sql("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = CAST(? AS regclass)")
                .param(table).query(String.class).list().stream()
                .map(definition -> definition.replaceFirst("INDEX \\S+ ON", "INDEX ON").replace(table + " ", "T "))
                .toList();
    }
}
