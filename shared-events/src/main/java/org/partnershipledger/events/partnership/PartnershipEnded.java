package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The partnership ended; nothing can change in it or its programs afterwards.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record PartnershipEnded(PartnershipId partnershipId, String reason, List<Evidence> evidence,
                               String decisionRef) implements PartnershipEvent {

    public PartnershipEnded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public PartnershipEnded(PartnershipId partnershipId, String reason) {
        this(partnershipId, reason, List.of(), null);
    }
}
