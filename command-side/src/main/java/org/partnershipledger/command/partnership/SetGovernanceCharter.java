package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.PartnershipId;

public record SetGovernanceCharter(@TargetAggregateIdentifier PartnershipId partnershipId,
                                   GovernanceCadence cadence, List<String> steeringMembers,
                                   @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand {

    public SetGovernanceCharter {
        steeringMembers = steeringMembers == null ? List.of() : List.copyOf(steeringMembers);
    }
}
