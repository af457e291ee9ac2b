package org.partnershipledger.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Kirkpatrick scorecard of a program as the page shows it: per KPI its baseline, target, latest value and
 * percent of target (from the query API), and per level 1–5 its records (withdrawn ones kept, struck through, with
 * their reason) and a trend chart of the records that stand. The query API answers it as of the time asked for;
 * records made later are left out here as well, in case a record's time and its program's differ.
 */
record Scorecard(List<Kpi> kpis) {

    record Kpi(String kpiId, String name, String unit, Object baseline, Object target, Object latest,
               Object percentOfTarget, List<Level> levels) {
    }

    /** {@code records} are the latest few (withdrawn ones included); {@code recordCount} how many count in all. */
    record Level(int level, String label, List<Map<String, Object>> records, int recordCount, Object latestValue,
                 String trend) {
    }

    /** A page lists the latest records of a level and charts the latest points: a long history stays readable. */
    static final int RECORDS_SHOWN = 10;
    static final int POINTS_CHARTED = 60;

    static final List<String> LABELS = List.of("Reaction", "Learning", "Behaviour", "Results", "ROI");

    @SuppressWarnings("unchecked")
    static Scorecard of(Map<String, Object> impact, Instant asOf) {
        List<Kpi> kpis = new ArrayList<>();
        for (Map<String, Object> kpi : (List<Map<String, Object>>) impact.getOrDefault("kpis", List.of())) {
            List<Level> levels = new ArrayList<>();
            Object latestResult = null;
            for (int level = 1; level <= 5; level++) {
                int wanted = level;
                List<Map<String, Object>> ofLevel = ((List<Map<String, Object>>) kpi.getOrDefault("levels", List.of()))
                        .stream().filter(l -> l.get("level") instanceof Number n && n.intValue() == wanted).toList();
                int counted = ofLevel.stream().map(l -> l.get("recordCount")).filter(Number.class::isInstance)
                        .mapToInt(n -> ((Number) n).intValue()).sum();
                List<Map<String, Object>> records = ofLevel.stream()
                        .flatMap(l -> ((List<Map<String, Object>>) l.getOrDefault("records", List.of())).stream())
                        .filter(r -> asOf == null || r.get("recordedAt") == null
                                || !Instant.parse(String.valueOf(r.get("recordedAt"))).isAfter(asOf))
                        .sorted(Comparator.comparing(r -> String.valueOf(r.get("periodEnd")))).toList();
                List<Map<String, Object>> standing = records.stream()
                        .filter(r -> !Boolean.TRUE.equals(r.get("withdrawn"))).toList();
                Object latest = standing.isEmpty() ? null : standing.get(standing.size() - 1).get("value");
                if (level == 4) {
                    latestResult = latest;
                }
                levels.add(new Level(level, LABELS.get(level - 1), latestOf(records, RECORDS_SHOWN),
                        Math.max(counted, standing.size()),
                        latest, TrendChart.svg(latestOf(standing, POINTS_CHARTED),
                        String.valueOf(kpi.get("name")) + ", level " + level)));
            }
            kpis.add(new Kpi(String.valueOf(kpi.get("kpiId")), String.valueOf(kpi.get("name")),
                    String.valueOf(kpi.getOrDefault("unit", "")), kpi.get("baseline"), kpi.get("target"),
                    latestResult, kpi.get("percentOfTarget"), levels));
        }
        return new Scorecard(kpis);
    }

    private static <T> List<T> latestOf(List<T> inPeriodOrder, int count) {
        return inPeriodOrder.subList(Math.max(0, inPeriodOrder.size() - count), inPeriodOrder.size());
    }
}
