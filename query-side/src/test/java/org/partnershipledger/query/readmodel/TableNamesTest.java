package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A projection's SQL reaches its own tables only: the live ones, or a rebuild's copies. */
class TableNamesTest {

    static final List<String> OWNED = List.of("query_side.partner_access", "analytics.impact_fact");

    @Test
    void liveNamesStayAsTheyAre() {
        assertThat(TableNames.live(OWNED).sql("TRUNCATE query_side.partner_access, analytics.impact_fact"))
                .isEqualTo("TRUNCATE query_side.partner_access, analytics.impact_fact");
    }

    @Test
    void aRebuildWritesIntoItsCopies() {
        assertThat(TableNames.next(OWNED).sql("INSERT INTO query_side.partner_access SELECT * FROM analytics.impact_fact"))
                .isEqualTo("INSERT INTO query_side.partner_access__next SELECT * FROM analytics.impact_fact__next");
    }

    @Test
    void aTableOfAnotherReadModelIsRefusedLiveAndInARebuild() {
        for (TableNames names : List.of(TableNames.live(OWNED), TableNames.next(OWNED))) {
            assertThatThrownBy(() -> names.sql("DELETE FROM query_side.partnership_view"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("query_side.partnership_view is not a table of this read model");
        }
    }

    @Test
    void aLongerNameSharingAPrefixIsNotMistakenForAnOwnedOne() {
        assertThatThrownBy(() -> TableNames.next(OWNED).sql("SELECT * FROM query_side.partner_access_log"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
