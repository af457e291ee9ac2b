package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/**
 * A shortlisted candidate was declined: it takes no further step in the partnership. It keeps reading, read-only,
 * what happened while it was a candidate, up to this event.
 */
@Revision("1")
public record CandidateDeclined(PartnershipId partnershipId, String partnerId, String organizationId, String reason)
        implements PartnershipEvent {
}
