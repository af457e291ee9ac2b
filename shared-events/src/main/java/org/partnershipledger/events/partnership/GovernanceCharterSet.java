package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The governance charter was set or replaced: review cadence and steering members.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record GovernanceCharterSet(PartnershipId partnershipId, GovernanceCadence cadence,
                                   List<String> steeringMembers, List<Evidence> evidence,
                                   String decisionRef) implements PartnershipEvent {

    public GovernanceCharterSet {
        steeringMembers = steeringMembers == null ? List.of() : List.copyOf(steeringMembers);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public GovernanceCharterSet(PartnershipId partnershipId, GovernanceCadence cadence,
            List<String> steeringMembers) {
        this(partnershipId, cadence, steeringMembers, List.of(), null);
    }
}
