package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** A business review action was dropped, and why: it stays in the record, closed but not done. */
@Revision("1")
public record ReviewActionDropped(PartnershipId partnershipId, String actionId, String reason,
                                  List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public ReviewActionDropped {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
