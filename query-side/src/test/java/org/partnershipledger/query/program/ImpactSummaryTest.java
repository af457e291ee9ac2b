package org.partnershipledger.query.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.Kpi;

class ImpactSummaryTest {

    private static final Kpi TTQ = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"),
            null);

    @Test
    void aBoundedSummaryListsTheLatestRecordsThatCountAndEveryWithdrawnOneWithFiguresOverThemAll() {
        ProgramView program = new ProgramView();
        program.kpiTargets = List.of("ttq");
        program.impacts = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            program.impacts.add(impact("i" + month, 120 - month, LocalDate.of(2026, month, 28), month == 2));
        }

        List<ImpactSummary.KpiImpact> all = ImpactSummary.of(program, List.of(TTQ));
        ImpactSummary.Level bounded = ImpactSummary.latestRecords(all, 3).get(0).levels().get(3);

        assertThat(bounded.records()).extracting(i -> i.impactId).containsExactly("i2", "i10", "i11", "i12");
        assertThat(bounded.recordCount()).isEqualTo(11);
        assertThat(bounded.latestValue()).isEqualByComparingTo("108");
        assertThat(ImpactSummary.latestRecords(all, 3).get(0).percentOfTarget())
                .isEqualByComparingTo(all.get(0).percentOfTarget());
        assertThat(ImpactSummary.latestRecords(all, 0).get(0).levels().get(3).records())
                .extracting(i -> i.impactId).containsExactly("i2");
    }

    private static ProgramView.Impact impact(String id, int value, LocalDate periodEnd, boolean withdrawn) {
        ProgramView.Impact impact = new ProgramView.Impact();
        impact.impactId = id;
        impact.level = 4;
        impact.kpiId = "ttq";
        impact.value = BigDecimal.valueOf(value);
        impact.periodEnd = periodEnd;
        impact.recordedAt = Instant.parse(periodEnd + "T12:00:00Z");
        impact.withdrawn = withdrawn;
        return impact;
    }
}
