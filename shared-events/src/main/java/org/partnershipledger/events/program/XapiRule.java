package org.partnershipledger.events.program;

/**
 * Which statements of a program feed which figure: those with {@code verb} (an IRI) feed {@code kpiId} at
 * Kirkpatrick {@code level} by {@code measure}. A figure is kept per cohort and per region when the statements carry
 * them in the context extensions named (optional), and per quarter of the statement's timestamp.
 */
public record XapiRule(String verb, String kpiId, int level, XapiMeasure measure, String cohortExtension,
                       String regionExtension) {
}
