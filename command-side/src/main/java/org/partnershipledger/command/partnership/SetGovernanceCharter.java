package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.PartnershipId;

public record SetGovernanceCharter(@TargetAggregateIdentifier PartnershipId partnershipId, GovernanceCadence cadence,
                                   List<String> steeringMembers, String reason, List<Evidence> evidence,
                                   String decisionRef, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public SetGovernanceCharter {
        steeringMembers = steeringMembers == null ? List.of() : List.copyOf(steeringMembers);
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the reason, evidence and decisionRef it may carry. */
    public SetGovernanceCharter(PartnershipId partnershipId, GovernanceCadence cadence, List<String> steeringMembers,
            Long expectedVersion) {
        this(partnershipId, cadence, steeringMembers, null, List.of(), null, expectedVersion);
    }
}
