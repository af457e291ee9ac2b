package org.partnershipledger.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** How many operations per second, and how long each took, overall and by kind of operation. */
record Measured(long operations, double seconds, Histogram latency, Map<String, Histogram> byKind) {

    Measured(long operations, double seconds, Histogram latency) {
        this(operations, seconds, latency, Map.of());
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    double perSecond() {
        return operations / seconds;
    }

    double p50Millis() {
        return latency.getValueAtPercentile(50) / 1e6;
    }

    double p99Millis() {
        return latency.getValueAtPercentile(99) / 1e6;
    }

    /** p50 and p99 of each kind, e.g. "RecordImpact 1.02 / 3.10 ms". */
    String byKindMillis() {
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(kind -> String.format("%s %.2f / %.2f ms", kind.getKey(),
                        kind.getValue().getValueAtPercentile(50) / 1e6, kind.getValue().getValueAtPercentile(99) / 1e6))
                .collect(Collectors.joining(", "));
    }
}
