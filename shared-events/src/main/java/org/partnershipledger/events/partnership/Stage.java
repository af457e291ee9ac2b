package org.partnershipledger.events.partnership;

/** Where a partnership is in its life. */
public enum Stage {
    SELECTION,
    ONBOARDING,
    DELIVERY,
    GOVERNANCE,
    ENDED
}
