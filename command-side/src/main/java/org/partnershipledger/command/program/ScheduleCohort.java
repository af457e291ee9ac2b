package org.partnershipledger.command.program;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record ScheduleCohort(@TargetAggregateIdentifier ProgramId programId, String cohortId, String region,
                             LocalDate startsOn, Integer participants,
                             @TargetAggregateVersion Long expectedVersion) implements ProgramCommand, VersionedCommand {
}
