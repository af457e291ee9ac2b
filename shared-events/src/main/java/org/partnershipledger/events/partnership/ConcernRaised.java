package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/**
 * A concern was raised openly in the partnership's transparency log. {@code partnerOrganizationId} is the partner
 * organisation that raised it (a partner's own concern) or that it is about; it is absent for a concern about no one
 * partner, and in concerns recorded before it existed (an optional field added to revision 1: older payloads read
 * back with it absent).
 */
@Revision("1")
public record ConcernRaised(PartnershipId partnershipId, String concernId, Side raisedBy, String subject,
                            String description, String partnerOrganizationId) implements PartnershipEvent {
}
