package org.partnershipledger.query.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.ReadConsistency;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analyst metrics: pivot-to-impact lead time and due-diligence outcomes by partner role. */
@RestController
@AnswersAtPosition
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analytics")
class MetricsController {

    private static final String AVERAGE_SCORES = Arrays.stream(DueDiligenceCriterion.values())
            .map(criterion -> "round(avg(%1$s), 2) AS %1$s".formatted(DueDiligenceOutcomeProjection.column(criterion)))
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final ReadConsistency consistency;

    MetricsController(JdbcClient jdbc, ReadConsistency consistency) {
        this.jdbc = jdbc;
        this.consistency = consistency;
    }

    record PivotLeadTime(String programId, int toVersion, String partnershipId, Instant pivotedAt, String trigger,
                 String reason, String impactId, Integer impactLevel, String kpiId, Instant impactRecordedAt,
                 Integer leadTimeDays, BigDecimal valueBefore, BigDecimal valueAfter, BigDecimal target,
                 Boolean movedTowardTarget, boolean impactWithdrawn) {
    }

    record LeadTimeSummary(int pivots, int measured, long awaitingImpact, BigDecimal medianLeadTimeDays,
                           BigDecimal averageLeadTimeDays, long movedTowardTarget, long movedAwayOrFlat) {
    }

    record PivotLeadTimes(LeadTimeSummary summary, List<PivotLeadTime> pivots) {
    }

    @GetMapping("/pivot-lead-times")
    @Operation(operationId = "getPivotLeadTimes", summary = "Per curriculum pivot: days until the program's next level-3/4 impact record under the new "
            + "curriculum, and whether its KPI moved toward target; with a summary")
    ResponseEntity<PivotLeadTimes> pivotLeadTimes(@RequestParam(required = false) String partnershipId) {
        List<PivotLeadTime> pivots = jdbc.sql("""
                        SELECT program_id, to_version, partnership_id, pivoted_at, pivot_trigger, pivot_reason,
                               impact_id, impact_level, kpi_id, impact_recorded_at, lead_time_days, value_before,
                               value_after, target, moved_toward_target, impact_withdrawn
                        FROM analytics.pivot_impact_lead_time
                        WHERE CAST(? AS text) IS NULL OR partnership_id = ?
                        ORDER BY pivoted_at, program_id, to_version""")
                .params(partnershipId, partnershipId)
                .query((rs, row) -> new PivotLeadTime(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        (Integer) rs.getObject(8, Integer.class), rs.getString(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        (Integer) rs.getObject(11, Integer.class), rs.getBigDecimal(12), rs.getBigDecimal(13),
                        rs.getBigDecimal(14), (Boolean) rs.getObject(15, Boolean.class), rs.getBoolean(16)))
                .list();
        List<Integer> leadTimes = pivots.stream().filter(p -> p.leadTimeDays() != null && !p.impactWithdrawn())
                .map(PivotLeadTime::leadTimeDays).sorted().toList();
        LeadTimeSummary summary = new LeadTimeSummary(pivots.size(), leadTimes.size(),
                pivots.stream().filter(p -> p.impactId() == null).count(), median(leadTimes),
                leadTimes.isEmpty() ? null : BigDecimal.valueOf(leadTimes.stream().mapToInt(Integer::intValue)
                        .average().orElse(0)).setScale(1, RoundingMode.HALF_UP),
                pivots.stream().filter(p -> Boolean.TRUE.equals(p.movedTowardTarget()) && !p.impactWithdrawn()).count(),
                pivots.stream().filter(p -> Boolean.FALSE.equals(p.movedTowardTarget()) && !p.impactWithdrawn())
                        .count());
        return consistency.ok(new PivotLeadTimes(summary, pivots), PivotImpactProjection.NAME);
    }

    private static BigDecimal median(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2), 1,
                RoundingMode.HALF_UP);
    }

    /** One partner role's due diligence; {@code averageScores} by criterion, null where none was assessed. */
    record RoleOutcome(String role, long candidates, long pending, long passed, long failed, BigDecimal passRate,
                       long selected, Map<DueDiligenceCriterion, BigDecimal> averageScores) {
    }

    record DueDiligenceOutcomes(List<RoleOutcome> roles) {
    }

    @GetMapping("/due-diligence-outcomes")
    @Operation(operationId = "getDueDiligenceOutcomes", summary = "Per partner role: candidates shortlisted, due diligence pending, passed and failed, "
            + "pass rate, selections and average score per criterion")
    ResponseEntity<DueDiligenceOutcomes> dueDiligenceOutcomes(@RequestParam(required = false) String partnershipId) {
        List<RoleOutcome> roles = jdbc.sql("""
                        SELECT role,
                               count(*) AS candidates,
                               count(*) FILTER (WHERE outcome = 'PENDING') AS pending,
                               count(*) FILTER (WHERE outcome = 'PASSED') AS passed,
                               count(*) FILTER (WHERE outcome = 'FAILED') AS failed,
                               count(*) FILTER (WHERE selected) AS selected, %s
                        FROM analytics.due_diligence_outcome
                        WHERE CAST(? AS text) IS NULL OR partnership_id = ?
                        GROUP BY role ORDER BY role""".formatted(AVERAGE_SCORES))
                .params(partnershipId, partnershipId)
                .query((rs, row) -> {
                    long passed = rs.getLong("passed");
                    long decided = passed + rs.getLong("failed");
                    Map<DueDiligenceCriterion, BigDecimal> scores = new LinkedHashMap<>();
                    for (DueDiligenceCriterion criterion : DueDiligenceCriterion.values()) {
                        scores.put(criterion, rs.getBigDecimal(DueDiligenceOutcomeProjection.column(criterion)));
                    }
                    return new RoleOutcome(rs.getString("role"), rs.getLong("candidates"), rs.getLong("pending"),
                            passed, rs.getLong("failed"), decided == 0 ? null : BigDecimal.valueOf(passed)
                            .divide(BigDecimal.valueOf(decided), 3, RoundingMode.HALF_UP), rs.getLong("selected"),
                            scores);
                })
                .list();
        return consistency.ok(new DueDiligenceOutcomes(roles), DueDiligenceOutcomeProjection.NAME);
    }
}
