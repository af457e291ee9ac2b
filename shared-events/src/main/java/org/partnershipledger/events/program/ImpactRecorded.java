package org.partnershipledger.events.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A measurement of the program's impact on a KPI at a Kirkpatrick level (1-4; 5 is ROI), with the curriculum
 * version in force.
 */
@Revision("1")
public record ImpactRecorded(ProgramId programId, String impactId, int level, String kpiId, BigDecimal value,
                             String unit, String cohortId, String region, LocalDate periodStart,
                             LocalDate periodEnd, ImpactSource source, List<String> evidence, BigDecimal cost,
                             BigDecimal monetaryBenefit, int curriculumVersion) implements ProgramEvent {

    public ImpactRecorded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
