package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** A concern was resolved. */
@Revision("1")
public record ConcernResolved(PartnershipId partnershipId, String concernId, String resolution) implements PartnershipEvent {
}
