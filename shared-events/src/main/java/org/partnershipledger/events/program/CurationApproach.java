package org.partnershipledger.events.program;

/**
 * How a business unit filled a gap: it customised content itself, or it sourced a ready-made course from a MOOC,
 * a content library, a partner or an internal catalogue.
 */
public enum CurationApproach {
    CUSTOMISED,
    MOOC,
    LIBRARY,
    PARTNER,
    INTERNAL
}
