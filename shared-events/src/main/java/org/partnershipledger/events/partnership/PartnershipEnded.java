package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** The partnership ended; nothing can change in it or its programs afterwards. */
@Revision("1")
public record PartnershipEnded(PartnershipId partnershipId, String reason) implements PartnershipEvent {
}
