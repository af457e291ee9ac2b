package org.partnershipledger.events.program;

/**
 * What a measurement plan says of one Kirkpatrick level (1 reaction, 2 learning, 3 behaviour, 4 results, 5 ROI):
 * the metric, how it is measured, where the figures come from, how often, and optionally the partnership KPI it
 * feeds.
 */
public record PlannedMeasure(int level, String metric, String method, ImpactSource source,
                             MeasurementCadence cadence, String kpiId) {
}
