package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.TestPostgres;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A batch's rows sent as one COPY land exactly as the INSERT would have written them, conflicts included. */
class CopyRowsTest {

    private static final String COLUMNS = """
            (id BIGINT PRIMARY KEY, label VARCHAR(255), note TEXT, doc JSONB, at TIMESTAMPTZ, day DATE, flag BOOLEAN,
             amount NUMERIC(12, 2), local TIMESTAMP, tags TEXT[])""";
    private static final String INSERT = """
            INSERT INTO %s (id, label, note, doc, at, day, flag, amount, tags)
            VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    /** Enough rows for a COPY. */
    private static final int ROWS = CopyRows.FEWEST + 10;

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void tables() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("CREATE TABLE copied " + COLUMNS);
        jdbc.execute("CREATE TABLE inserted " + COLUMNS);
    }

    @Test
    void aPlainInsertBecomesACopyOfItsColumns() {
        assertThat(CopyRows.of(INSERT.formatted("analytics.event_log__next")).orElseThrow().copyStatement())
                .isEqualTo("COPY analytics.event_log__next (id, label, note, doc, at, day, flag, amount, tags) FROM STDIN");
    }

    @Test
    void anInsertOfAQueryOrOfExpressionsStaysAnInsert() {
        assertThat(CopyRows.of("INSERT INTO t (a, b) SELECT ?, p.b FROM p WHERE p.id = ?")).isEmpty();
        assertThat(CopyRows.of("INSERT INTO t (a, b) VALUES (?, lower(?))")).isEmpty();
        assertThat(CopyRows.of("INSERT INTO t (a, b, c) VALUES (?, ?)")).isEmpty();
    }

    @Test
    void everyValueLandsAsTheInsertWritesIt() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String label = i % 2 == 0 ? "tab\there" : i % 5 == 1 ? "ascii: \\ back\\slash\r\n\tall four"
                    : "line\nbreak \\ back\\slash \r é ✓ 𝄞";
            rows.add(new Object[] {(long) i, label,
                    i % 3 == 0 ? null : "note " + i, "{\"k\": \"v\\t" + i + "\", \"n\": [1, 2]}",
                    Timestamp.from(Instant.parse("2026-12-05T09:15:24.123456Z").plusSeconds(i)),
                    LocalDate.of(2026, 1, 1).plusDays(i), i % 2 == 0, new BigDecimal("12.5").add(
                    BigDecimal.valueOf(i)), i % 4 == 0 ? new String[0]
                    : new String[] {"org-" + i, "with \"quote\"", "back\\slash", "comma, {brace}", "tab\t"}});
        }
        copiedAsInserted(rows, rows, "id, label, note, doc, at, day, flag, amount, tags::text AS tags");
        assertThat(jdbc.queryForObject("SELECT tags[3] FROM copied WHERE id = 1", String.class))
                .isEqualTo("back\\slash");
    }

    @Test
    void jsonGivenAsItsStoredBytesLandsAsTheInsertWritesIt() {
        String[] documents = {"{\"k\":\"plain é ✓ 𝄞\",\"n\":[1,2]}", "{\"q\":\"a \\\"quote\\\" and a \\\\ back\"}",
                "{\"nul\":\"x\\u0000y\"}", "{\"not a nul\":\"\\\\u0000\"}", "{\n \"pretty\":\t1\r\n}"};
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> asText = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String document = documents[i % documents.length];
            Timestamp at = Timestamp.from(Instant.parse("1999-12-31T23:59:59.999999Z").plusMillis(i * 86_400_007L));
            rows.add(new Object[] {(long) i, null, null, Storable.json(document.getBytes(StandardCharsets.UTF_8)),
                    at, null, null, null, null});
            asText.add(new Object[] {(long) i, null, null, Storable.json(document), at, null, null, null, null});
        }

        copiedAsInserted(rows, asText, "id, doc::text AS doc, at");
        assertThat(jdbc.queryForObject("SELECT doc->>'nul' FROM copied WHERE id = 2", String.class))
                .isEqualTo("x\uFFFDy");
    }

    @Test
    void storedBytesThatAreNotUtf8GoAsTheStatementBindsThem() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            byte[] broken = i == 7 ? new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xC3, '"', '}'}
                    : "{\"k\":1}".getBytes(StandardCharsets.UTF_8);
            rows.add(new Object[] {(long) i, null, null, Storable.json(broken), null, null, null, null, null});
        }

        assertThat(inUnitOfWork("copied", rows)).as("not as a COPY").isZero();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT doc->>'k' FROM copied WHERE id = 7", String.class))
                .isEqualTo("\uFFFD");
    }

    @Test
    void aTakenKeyFallsBackToTheStatementsOwnConflictRule() {
        jdbc.update(INSERT.formatted("copied"), 5L, "first", null, "{}", null, null, null, null, null);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {(long) i, "row " + i, null, "{}", null, null, null, null, null});
        }

        assertThat(inUnitOfWork("copied", rows)).isZero();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT label FROM copied WHERE id = 5", String.class)).isEqualTo("first");
    }

    @Test
    void fewRowsGoAsABatch() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CopyRows.FEWEST - 1; i++) {
            rows.add(new Object[] {(long) i, "row " + i, null, "{}", null, null, null, null, null});
        }

        assertThat(inUnitOfWork("copied", rows)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copied", Long.class)).isEqualTo(rows.size());
    }

    @Test
    void anInstantIntoATimestampWithoutZoneGoesAsTheInsertSendsIt() {
        String insert = "INSERT INTO copied (id, local) VALUES (?, ?)";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {(long) i, Timestamp.from(Instant.parse("2026-12-05T09:15:24Z"))});
        }
        jdbc.batchUpdate(insert.replace("copied", "inserted"), rows);

        Boolean copiedAsText = transaction.execute(status -> jdbc.execute(
                (ConnectionCallback<Boolean>) c -> CopyRows.of(insert).orElseThrow().write(c, rows)));
        assertThat(copiedAsText).isFalse();
        new BatchedWrites(jdbc, insert).add(rows.get(0));

        Map<String, Object> copied = jdbc.queryForMap("SELECT local FROM copied");
        assertThat(copied).isEqualTo(jdbc.queryForMap("SELECT local FROM inserted WHERE id = 0"));
    }

    /** {@code rows} all go as a COPY, and land as {@code inserted} do with the INSERT, in the columns selected. */
    private void copiedAsInserted(List<Object[]> rows, List<Object[]> inserted, String columns) {
        assertThat(inUnitOfWork("copied", rows)).isEqualTo(ROWS);
        jdbc.batchUpdate(INSERT.formatted("inserted"), inserted);

        String everything = "SELECT " + columns + " FROM %s ORDER BY id";
        assertThat(jdbc.queryForList(everything.formatted("copied")))
                .hasSize(ROWS).isEqualTo(jdbc.queryForList(everything.formatted("inserted")));
    }

    /** Rows added in one unit of work, as a processor's batch adds them, written when it commits; how many were copied. */
    private long inUnitOfWork(String table, List<Object[]> rows) {
        return transaction.execute(status -> {
            BatchedWrites writes = new BatchedWrites(jdbc, INSERT.formatted(table));
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            rows.forEach(row -> writes.add(row));
            unitOfWork.commit();
            return writes.copiedRows();
        });
    }
}
