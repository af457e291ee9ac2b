package org.partnershipledger.command.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record RejectProgram(@TargetAggregateIdentifier ProgramId programId, String reason,
                            @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {
}
