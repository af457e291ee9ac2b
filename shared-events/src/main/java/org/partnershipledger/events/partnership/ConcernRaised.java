package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** A concern was raised openly in the partnership's transparency log. */
@Revision("1")
public record ConcernRaised(PartnershipId partnershipId, String concernId, Side raisedBy, String subject,
                            String description) implements PartnershipEvent {
}
