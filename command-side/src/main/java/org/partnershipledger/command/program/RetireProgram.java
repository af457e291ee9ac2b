package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

public record RetireProgram(@TargetAggregateIdentifier ProgramId programId, String reason, List<Evidence> evidence,
                            String decisionRef, @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, DecisionCommand {

    public RetireProgram {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public RetireProgram(ProgramId programId, String reason, Long expectedVersion) {
        this(programId, reason, List.of(), null, expectedVersion);
    }
}
