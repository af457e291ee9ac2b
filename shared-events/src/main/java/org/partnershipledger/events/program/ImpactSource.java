package org.partnershipledger.events.program;

/** Where an impact measurement comes from. */
public enum ImpactSource {
    SURVEY,
    ASSESSMENT,
    XAPI,
    BI,
    OBSERVATION
}
