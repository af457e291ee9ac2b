package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

public record WithdrawImpact(@TargetAggregateIdentifier ProgramId programId, String impactId, String reason,
                             List<Evidence> evidence, String decisionRef,
                             @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, DecisionCommand {

    public WithdrawImpact {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public WithdrawImpact(ProgramId programId, String impactId, String reason, Long expectedVersion) {
        this(programId, impactId, reason, List.of(), null, expectedVersion);
    }
}
