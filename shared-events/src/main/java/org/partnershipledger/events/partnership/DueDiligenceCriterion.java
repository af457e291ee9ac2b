package org.partnershipledger.events.partnership;

/** What a candidate is assessed on before selection; the first three are required. */
public enum DueDiligenceCriterion {
    EXPERTISE,
    ON_TIME_DELIVERY,
    WITHIN_BUDGET,
    CULTURAL_FIT
}
