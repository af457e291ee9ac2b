package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RebuildCopiesTest {

    @Test
    void anIndexOfTheLiveTableIsBuiltOnTheCopyUnderANameOfPostgresqlsChoosing() {
        assertThat(RebuildCopies.onCopy(
                "CREATE INDEX event_log_type_time ON analytics.event_log USING btree (type, occurred_at)",
                "analytics.event_log"))
                .isEqualTo("CREATE INDEX ON analytics.event_log__next USING btree (type, occurred_at)");
    }

    @Test
    void aPartialUniqueIndexKeepsItsConditionAndUniqueness() {
        assertThat(RebuildCopies.onCopy("CREATE UNIQUE INDEX pivot_open ON ONLY analytics.pivot_impact_lead_time "
                        + "USING btree (program_id, to_version) WHERE (impact_id IS NULL)",
                "analytics.pivot_impact_lead_time"))
                .isEqualTo("CREATE UNIQUE INDEX ON analytics.pivot_impact_lead_time__next USING btree "
                        + "(program_id, to_version) WHERE (impact_id IS NULL)");
    }

    @Test
    void anIndexOfAnotherTableIsRefused() {
        assertThatThrownBy(() -> RebuildCopies.onCopy(
                "CREATE INDEX x ON analytics.event_log_archive USING btree (type)", "analytics.event_log"))
                .isInstanceOf(IllegalStateException.class);
    }
}
