package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A view's rows in a table of their own: read only when looked at, written back only where they changed. */
class StoredRowsTest {

    record Row(String id, String value) {
    }

    final AtomicInteger reads = new AtomicInteger();

    StoredRows<Row> stored(Row... rows) {
        return new StoredRows<>(() -> {
            reads.incrementAndGet();
            return List.of(rows);
        }, Row::id, Row::toString);
    }

    @Test
    void addingARowReadsNothingAndWritesOnlyThatRow() {
        StoredRows<Row> rows = stored(new Row("a", "1"), new Row("b", "2"));

        rows.add(new Row("c", "3"));

        assertThat(rows.takeChanged()).containsExactly(new Row("c", "3"));
        assertThat(reads).hasValue(0);
        assertThat(rows.takeChanged()).isEmpty();
    }

    @Test
    void lookingAtTheRowsReadsThemOnceWithTheAddedOnesAfter() {
        StoredRows<Row> rows = stored(new Row("a", "1"));
        rows.add(new Row("b", "2"));

        assertThat(new ArrayList<>(rows)).containsExactly(new Row("a", "1"), new Row("b", "2"));
        assertThat(rows).hasSize(2);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangedStoredRowIsWrittenAndAnUnchangedOneIsNot() {
        StoredRows<Row> rows = stored(new Row("a", "1"), new Row("b", "2"));

        rows.set(1, new Row("b", "changed"));

        assertThat(rows.takeChanged()).containsExactly(new Row("b", "changed"));
        assertThat(rows.takeChanged()).isEmpty();
    }

    @Test
    void rowsJustWrittenAreNotWrittenAgain() {
        StoredRows<Row> rows = StoredRows.written(List.of(new Row("a", "1")), Row::id, Row::toString);

        assertThat(rows.takeChanged()).isEmpty();
        rows.add(new Row("b", "2"));
        assertThat(rows.takeChanged()).containsExactly(new Row("b", "2"));
    }
}
