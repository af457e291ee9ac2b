package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

public record ApproveProgram(@TargetAggregateIdentifier ProgramId programId, String approvedBy, String reason,
                             List<Evidence> evidence, String decisionRef,
                             @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, DecisionCommand {

    public ApproveProgram {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the reason, evidence and decisionRef it may carry. */
    public ApproveProgram(ProgramId programId, String approvedBy, Long expectedVersion) {
        this(programId, approvedBy, null, List.of(), null, expectedVersion);
    }
}
