package org.partnershipledger.command.partnership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.platform.web.ProblemCode;

/** What makes a set of KPIs acceptable to a partnership. */
final class KpiRules {

    private KpiRules() {
    }

    static void assertValid(List<Kpi> kpis) {
        Set<String> seen = new HashSet<>();
        for (Kpi kpi : kpis) {
            if (kpi.kpiId() == null || kpi.kpiId().isBlank() || kpi.name() == null || kpi.name().isBlank()
                    || kpi.unit() == null || kpi.unit().isBlank() || kpi.baseline() == null || kpi.target() == null) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        "Every KPI needs kpiId, name, unit, baseline and target");
            }
            if (!seen.add(kpi.kpiId())) {
                throw new LedgerRejection.Invalid(ProblemCode.DUPLICATE_KPI, "KPI " + kpi.kpiId() + " is listed twice");
            }
        }
    }
}
