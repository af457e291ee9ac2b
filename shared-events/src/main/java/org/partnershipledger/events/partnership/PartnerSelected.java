package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** A candidate that passed due diligence was selected as a partner. */
@Revision("1")
public record PartnerSelected(PartnershipId partnershipId, String partnerId, String organizationId, String reason) implements PartnershipEvent {
}
