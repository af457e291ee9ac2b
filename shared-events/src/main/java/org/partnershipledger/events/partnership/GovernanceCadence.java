package org.partnershipledger.events.partnership;

/** How often the steering group reviews the partnership. */
public enum GovernanceCadence {
    MONTHLY,
    QUARTERLY
}
