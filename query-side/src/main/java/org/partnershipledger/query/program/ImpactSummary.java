package org.partnershipledger.query.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.partnership.Kpi;

/**
 * A program's impact per KPI and Kirkpatrick level: the latest value, how many records count, and every record
 * (withdrawn ones listed with their reason but left out of the figures). {@code percentOfTarget} compares the
 * latest level-4 (results) value with the KPI's baseline and target.
 */
public final class ImpactSummary {

    static final int RESULTS = 4;

    public record KpiImpact(String kpiId, String name, String unit, BigDecimal baseline, BigDecimal target,
                            List<Level> levels, BigDecimal percentOfTarget) {
    }

    public record Level(int level, BigDecimal latestValue, int recordCount, List<ProgramView.Impact> records) {
    }

    private ImpactSummary() {
    }

    public static List<KpiImpact> of(ProgramView program, List<Kpi> partnershipKpis) {
        List<KpiImpact> result = new ArrayList<>();
        for (String kpiId : program.kpiTargets) {
            Optional<Kpi> kpi = partnershipKpis.stream().filter(k -> k.kpiId().equals(kpiId)).findFirst();
            List<Level> levels = new ArrayList<>();
            for (int level = 1; level <= 5; level++) {
                int wanted = level;
                List<ProgramView.Impact> records = program.impacts.stream()
                        .filter(i -> i.kpiId.equals(kpiId) && i.level == wanted).toList();
                List<ProgramView.Impact> counted = records.stream().filter(i -> !i.withdrawn).toList();
                levels.add(new Level(level, latest(counted).map(i -> i.value).orElse(null), counted.size(), records));
            }
            BigDecimal latestResult = levels.get(RESULTS - 1).latestValue();
            result.add(new KpiImpact(kpiId, kpi.map(Kpi::name).orElse(null), kpi.map(Kpi::unit).orElse(null),
                    kpi.map(Kpi::baseline).orElse(null), kpi.map(Kpi::target).orElse(null), levels,
                    kpi.map(k -> percentOfTarget(latestResult, k.baseline(), k.target())).orElse(null)));
        }
        return result;
    }

    /**
     * The same summary with, per level, only the latest {@code perLevel} records that count (by period, then by when
     * recorded) and every withdrawn one, in their order; the figures and {@code recordCount} still cover them all.
     * A page showing a long program's scorecard needs no more.
     */
    public static List<KpiImpact> latestRecords(List<KpiImpact> summary, int perLevel) {
        Comparator<ProgramView.Impact> newestLast = Comparator.comparing((ProgramView.Impact i) -> i.periodEnd)
                .thenComparing(i -> i.recordedAt);
        return summary.stream().map(kpi -> new KpiImpact(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.baseline(),
                kpi.target(), kpi.levels().stream().map(level -> {
                    List<ProgramView.Impact> counted = level.records().stream().filter(i -> !i.withdrawn)
                            .sorted(newestLast).toList();
                    java.util.Set<ProgramView.Impact> kept = java.util.Collections.newSetFromMap(
                            new java.util.IdentityHashMap<>());
                    kept.addAll(counted.subList(Math.max(0, counted.size() - perLevel), counted.size()));
                    return new Level(level.level(), level.latestValue(), level.recordCount(), level.records().stream()
                            .filter(i -> i.withdrawn || kept.contains(i)).toList());
                }).toList(), kpi.percentOfTarget())).toList();
    }

    /** The record of the latest period (and, for the same period, the one recorded last). */
    public static Optional<ProgramView.Impact> latest(List<ProgramView.Impact> records) {
        return records.stream().max(Comparator.comparing((ProgramView.Impact i) -> i.periodEnd)
                .thenComparing(i -> i.recordedAt));
    }

    /** (actual − baseline) / (target − baseline) × 100, two decimals; null without an actual or a distance to go. */
    public static BigDecimal percentOfTarget(BigDecimal actual, BigDecimal baseline, BigDecimal target) {
        if (actual == null || baseline == null || target == null || target.compareTo(baseline) == 0) {
            return null;
        }
        return actual.subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(target.subtract(baseline), 2, RoundingMode.HALF_UP);
    }
}
