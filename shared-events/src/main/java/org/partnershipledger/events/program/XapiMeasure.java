package org.partnershipledger.events.program;

/** How the statements of one bucket become one figure. */
public enum XapiMeasure {
    /** The mean of {@code result.score.scaled}, as a percentage (0.82 is 82). */
    SCORE_SCALED_MEAN,
    /** The share of statements whose {@code result.completion} is true, as a percentage. */
    COMPLETION_RATE,
    /** The share of statements whose {@code result.success} is true, as a percentage. */
    SUCCESS_RATE,
    /** How many statements (not voided) carry the verb. */
    COUNT,
    /** The mean of {@code result.score.raw}: a survey's answers on their own scale (a Likert 1-5, say). */
    RESPONSE_MEAN
}
