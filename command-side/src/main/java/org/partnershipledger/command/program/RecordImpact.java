package org.partnershipledger.command.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ProgramId;

public record RecordImpact(@TargetAggregateIdentifier ProgramId programId, String impactId, Integer level,
                           String kpiId, BigDecimal value, String unit, String cohortId, String region,
                           LocalDate periodStart, LocalDate periodEnd, ImpactSource source, List<String> evidence,
                           BigDecimal cost, BigDecimal monetaryBenefit, String reason,
                           @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public RecordImpact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Without a reason (optional for this command). */
    public RecordImpact(ProgramId programId, String impactId, Integer level, String kpiId, BigDecimal value,
            String unit, String cohortId, String region, LocalDate periodStart, LocalDate periodEnd,
            ImpactSource source, List<String> evidence, BigDecimal cost, BigDecimal monetaryBenefit,
            Long expectedVersion) {
        this(programId, impactId, level, kpiId, value, unit, cohortId, region, periodStart, periodEnd, source,
                evidence, cost, monetaryBenefit, null, expectedVersion);
    }
}
