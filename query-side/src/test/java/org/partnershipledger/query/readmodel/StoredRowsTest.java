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

    /** A row the fold changes in place, as a program's impact record is withdrawn. */
    static final class Mutable {
        final String id;
        String value;

        Mutable(String id, String value) {
            this.id = id;
            this.value = value;
        }

        @Override
        public String toString() {
            return id + "=" + value;
        }
    }

    final AtomicInteger oneRowReads = new AtomicInteger();

    StoredRows<Mutable> storedMutable(String... values) {
        return new StoredRows<>(() -> {
            reads.incrementAndGet();
            List<Mutable> rows = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                rows.add(new Mutable("r" + i, values[i]));
            }
            return rows;
        }, id -> {
            oneRowReads.incrementAndGet();
            int i = Integer.parseInt(id.substring(1));
            return i < values.length ? java.util.Optional.of(new Mutable(id, values[i])) : java.util.Optional.empty();
        }, row -> row.id, Mutable::toString);
    }

    @Test
    void aRowAskedForByItsKeyIsReadAloneAndWrittenBackAsAChange() {
        StoredRows<Mutable> rows = storedMutable("1", "2", "3");
        rows.add(new Mutable("r3", "new"));

        rows.byKey("r1").orElseThrow().value = "withdrawn";

        StoredRows.Changes<Mutable> changes = rows.takeChanges();
        assertThat(changes.added()).extracting(Mutable::toString).containsExactly("r3=new");
        assertThat(changes.changed()).extracting(Mutable::toString).containsExactly("r1=withdrawn");
        assertThat(reads).as("the other stored rows are not read").hasValue(0);
        assertThat(oneRowReads).hasValue(1);
        assertThat(rows.byKey("r3")).isEmpty().as("a row written as added is not in the list any more");
        assertThat(rows.takeChanges().isEmpty()).isTrue();
    }

    @Test
    void aRowReadAloneAndChangedStaysChangedWhenTheWholeListIsReadAfterwards() {
        StoredRows<Mutable> rows = storedMutable("1", "2");
        rows.byKey("r0").orElseThrow().value = "changed";

        assertThat(rows).extracting(Mutable::toString).containsExactly("r0=changed", "r1=2");
        rows.add(new Mutable("r2", "3"));

        StoredRows.Changes<Mutable> changes = rows.takeChanges();
        assertThat(changes.added()).extracting(Mutable::toString).containsExactly("r2=3");
        assertThat(changes.changed()).extracting(Mutable::toString).containsExactly("r0=changed");
    }

    @Test
    void anUnknownKeyIsNotThere() {
        assertThat(storedMutable("1").byKey("r7")).isEmpty();
    }
}
