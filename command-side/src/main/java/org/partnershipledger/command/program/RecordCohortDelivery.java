package org.partnershipledger.command.program;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record RecordCohortDelivery(@TargetAggregateIdentifier ProgramId programId, String cohortId,
                                   LocalDate deliveredOn, Integer participantsCompleted, String facilitator,
                                   @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand {
}
