package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** A partner organisation was shortlisted as a candidate for the partnership. */
@Revision("1")
public record CandidateShortlisted(PartnershipId partnershipId, String partnerId, String organizationId,
                                   String name, PartnerRole role) implements PartnershipEvent {
}
