package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A candidate that passed due diligence was selected as a partner.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record PartnerSelected(PartnershipId partnershipId, String partnerId, String organizationId, String reason,
                              List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public PartnerSelected {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public PartnerSelected(PartnershipId partnershipId, String partnerId, String organizationId, String reason) {
        this(partnershipId, partnerId, organizationId, reason, List.of(), null);
    }
}
