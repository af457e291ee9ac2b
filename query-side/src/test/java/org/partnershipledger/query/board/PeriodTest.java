package org.partnershipledger.query.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aQuarterRunsFromItsFirstDayToTheFirstDayOfTheNext() {
        Period q3 = Period.parse("2026-Q3");

        assertThat(q3.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(q3.end()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void aMonthIsAPeriodToo() {
        assertThat(Period.parse("2026-12").end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> Period.parse("Q3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
    }
}
