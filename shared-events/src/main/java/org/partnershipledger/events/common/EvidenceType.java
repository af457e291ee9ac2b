package org.partnershipledger.events.common;

/** What a piece of evidence is, so a board knows where to look for it. */
public enum EvidenceType {
    /** A document, by its absolute http(s) URI: a due-diligence report, a contract, minutes. */
    DOCUMENT,
    /** A business review of the same partnership, by its period (e.g. {@code 2026-Q3}). */
    BUSINESS_REVIEW,
    /** An xAPI statement, by its statement id (a UUID). */
    XAPI_STATEMENT,
    /** A BI report or dashboard, by its URI or its id in the BI tool. */
    BI_REPORT
}
