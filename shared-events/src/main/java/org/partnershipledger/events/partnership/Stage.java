package org.partnershipledger.events.partnership;

/**
 * Where a partnership is in its life. Opening starts SELECTION; starting onboarding moves it to ONBOARDING, and
 * completing onboarding to DELIVERY; the first business review held in DELIVERY moves it to GOVERNANCE; ending it
 * moves it to ENDED. A business review held earlier (a steering group may meet during selection) leaves the stage
 * where it is, so onboarding can still start and complete.
 */
public enum Stage {
    SELECTION,
    ONBOARDING,
    DELIVERY,
    GOVERNANCE,
    ENDED;

    /** The stage after a business review is held in this one. */
    public Stage afterBusinessReview() {
        return this == DELIVERY ? GOVERNANCE : this;
    }
}
