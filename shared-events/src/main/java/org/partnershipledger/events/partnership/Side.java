package org.partnershipledger.events.partnership;

/** Who raised a concern. */
public enum Side {
    CLIENT,
    PARTNER
}
