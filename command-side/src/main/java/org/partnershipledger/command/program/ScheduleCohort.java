package org.partnershipledger.command.program;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record ScheduleCohort(@TargetAggregateIdentifier ProgramId programId, String cohortId, String region,
                             LocalDate startsOn, Integer participants, String reason,
                             @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public ScheduleCohort(ProgramId programId, String cohortId, String region, LocalDate startsOn,
            Integer participants, Long expectedVersion) {
        this(programId, cohortId, region, startsOn, participants, null, expectedVersion);
    }
}
