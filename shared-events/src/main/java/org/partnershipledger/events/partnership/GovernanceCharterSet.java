package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The governance charter was set or replaced: review cadence and steering members. */
@Revision("1")
public record GovernanceCharterSet(PartnershipId partnershipId, GovernanceCadence cadence,
                                   List<String> steeringMembers) implements PartnershipEvent {

    public GovernanceCharterSet {
        steeringMembers = steeringMembers == null ? List.of() : List.copyOf(steeringMembers);
    }
}
