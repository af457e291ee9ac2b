package org.partnershipledger.command.program;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record RecordCohortDelivery(@TargetAggregateIdentifier ProgramId programId, String cohortId,
                                   LocalDate deliveredOn, Integer participantsCompleted, String facilitator,
                                   String reason, @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public RecordCohortDelivery(ProgramId programId, String cohortId, LocalDate deliveredOn,
            Integer participantsCompleted, String facilitator, Long expectedVersion) {
        this(programId, cohortId, deliveredOn, participantsCompleted, facilitator, null, expectedVersion);
    }
}
