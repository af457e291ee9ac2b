package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A selected partner left the coalition: it takes no further step in the partnership. It keeps reading, read-only,
 * what happened while it was a candidate and a partner, up to this event.
 * <p>{@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record PartnerOffboarded(PartnershipId partnershipId, String partnerId, String organizationId, String reason,
                                List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public PartnerOffboarded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public PartnerOffboarded(PartnershipId partnershipId, String partnerId, String organizationId, String reason) {
        this(partnershipId, partnerId, organizationId, reason, List.of(), null);
    }
}
