package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Guards.assertGiven;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.program.PlannedMeasure;
import org.partnershipledger.platform.web.ProblemCode;

/** The shape of a measurement plan: each Kirkpatrick level once, each with its metric, method, source and cadence. */
final class MeasurementPlans {

    private MeasurementPlans() {
    }

    /** The plan as recorded: trimmed, in level order; refused when a level is incomplete or listed twice. */
    static List<PlannedMeasure> assertPlan(List<PlannedMeasure> levels) {
        if (levels.isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "levels must plan at least one level");
        }
        Set<Integer> seen = new HashSet<>();
        for (PlannedMeasure measure : levels) {
            if (measure == null || measure.level() < 1 || measure.level() > ImpactRules.ROI) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "level must be 1 to 5");
            }
            String at = "levels[level " + measure.level() + "].";
            assertGiven(measure.metric(), at + "metric");
            assertGiven(measure.method(), at + "method");
            if (measure.source() == null || measure.cadence() == null) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        at + "source and " + at + "cadence must be given");
            }
            if (!seen.add(measure.level())) {
                throw new LedgerRejection.Invalid(ProblemCode.DUPLICATE_LEVEL,
                        "Level " + measure.level() + " is planned twice");
            }
        }
        return levels.stream()
                .map(m -> new PlannedMeasure(m.level(), m.metric().trim(), m.method().trim(), m.source(), m.cadence(),
                        m.kpiId() == null || m.kpiId().isBlank() ? null : m.kpiId().trim()))
                .sorted(Comparator.comparingInt(PlannedMeasure::level))
                .toList();
    }

    /** The KPIs a plan feeds that are not the partnership's. */
    static List<String> unknownKpis(List<PlannedMeasure> plan, Set<String> partnershipKpis) {
        return plan.stream().map(PlannedMeasure::kpiId)
                .filter(kpi -> kpi != null && !partnershipKpis.contains(kpi)).distinct().toList();
    }
}
