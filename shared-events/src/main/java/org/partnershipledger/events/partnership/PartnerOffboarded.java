package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/**
 * A selected partner left the coalition: it takes no further step in the partnership. It keeps reading, read-only,
 * what happened while it was a candidate and a partner, up to this event.
 */
@Revision("1")
public record PartnerOffboarded(PartnershipId partnershipId, String partnerId, String organizationId, String reason)
        implements PartnershipEvent {
}
