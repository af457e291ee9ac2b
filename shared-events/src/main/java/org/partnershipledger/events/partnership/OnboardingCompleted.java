package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** Onboarding finished (stage DELIVERY). */
@Revision("1")
public record OnboardingCompleted(PartnershipId partnershipId, String summary) implements PartnershipEvent {
}
