package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/** Onboarding of the selected partners began (stage ONBOARDING). */
@Revision("1")
public record OnboardingStarted(PartnershipId partnershipId) implements PartnershipEvent {
}
