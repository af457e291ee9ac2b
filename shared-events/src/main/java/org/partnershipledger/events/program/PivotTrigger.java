package org.partnershipledger.events.program;

/** What made a curriculum change direction. */
public enum PivotTrigger {
    INDUSTRY_SHIFT,
    KPI_GAP,
    LEARNER_FEEDBACK,
    STRATEGY_CHANGE,
    TECHNOLOGY_CHANGE,
    REGULATION,
    OTHER
}
