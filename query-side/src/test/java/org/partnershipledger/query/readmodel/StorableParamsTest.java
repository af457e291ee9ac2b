package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text a projection sends to its tables, in a statement or a row, without U+0000. */
class StorableParamsTest {

    @Test
    void textInValuesArraysAndListsIsMadeStorable() {
        Object[] row = {"a\u0000b", 7L, new String[] {"x\u0000", null}, List.of("y\u0000", 3), null};

        Object[] kept = StorableParams.storable(row);

        assertThat(kept[0]).isEqualTo("a\uFFFDb");
        assertThat(kept[1]).isEqualTo(7L);
        assertThat((String[]) kept[2]).containsExactly("x\uFFFD", null);
        assertThat(kept[3]).isEqualTo(List.of("y\uFFFD", 3));
        assertThat(kept[4]).isNull();
        assertThat(row[0]).as("the caller's row is left as it was").isEqualTo("a\u0000b");
    }

    @Test
    void aRowWithNothingToChangeIsTheSameRow() {
        Object[] row = {"plain", 1, null};

        assertThat(StorableParams.storable(row)).isSameAs(row);
    }
}
