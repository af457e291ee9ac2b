package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** A business review action was done, with an optional note and the evidence that it was. */
@Revision("1")
public record ReviewActionCompleted(PartnershipId partnershipId, String actionId, String note,
                                    List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public ReviewActionCompleted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
