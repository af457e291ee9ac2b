package org.partnershipledger.query.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.program.PlannedMeasure;

/**
 * Planned against measured, per Kirkpatrick level: what the measurement plan says of the level, and the impact
 * records that count (withdrawn ones left out; those of the planned KPI where the plan names one). A level planned
 * but with no record is {@code unmeasured}; one measured without a plan is {@code unplanned}. Levels 1 to 4 are
 * always listed (the seed asks for metrics at all four); level 5 (ROI) when it is planned or measured.
 */
public final class MeasurementSummary {

    static final int ALWAYS_LISTED = 4;

    public record MeasuredLevel(int level, PlannedMeasure planned, int recordCount, BigDecimal latestValue,
                        String latestUnit, LocalDate latestPeriodEnd, boolean unmeasured, boolean unplanned) {
    }

    private MeasurementSummary() {
    }

    public static List<MeasuredLevel> of(ProgramView program) {
        List<MeasuredLevel> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            int wanted = level;
            PlannedMeasure planned = program.measurementPlan == null ? null : program.measurementPlan.levels()
                    .stream().filter(m -> m.level() == wanted).findFirst().orElse(null);
            List<ProgramView.Impact> counted = program.impacts.stream()
                    .filter(i -> i.level == wanted && !i.withdrawn)
                    .filter(i -> planned == null || planned.kpiId() == null || planned.kpiId().equals(i.kpiId))
                    .toList();
            if (level > ALWAYS_LISTED && planned == null && counted.isEmpty()) {
                continue;
            }
            Optional<ProgramView.Impact> latest = ImpactSummary.latest(counted);
            levels.add(new MeasuredLevel(level, planned, counted.size(), latest.map(i -> i.value).orElse(null),
                    latest.map(i -> i.unit).orElse(null), latest.map(i -> i.periodEnd).orElse(null),
                    planned != null && counted.isEmpty(), planned == null && !counted.isEmpty()));
        }
        return levels;
    }
}
