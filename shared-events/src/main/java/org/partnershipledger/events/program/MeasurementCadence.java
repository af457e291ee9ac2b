package org.partnershipledger.events.program;

/** How often a planned measurement is taken. */
public enum MeasurementCadence {
    PER_COHORT,
    MONTHLY,
    QUARTERLY,
    ANNUALLY
}
