package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** A business unit accepted its share of the current cost split; {@code acceptedBy} names who accepted it. */
@Revision("1")
public record CostShareAccepted(PartnershipId partnershipId, String businessUnit, String acceptedBy,
                                List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public CostShareAccepted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
