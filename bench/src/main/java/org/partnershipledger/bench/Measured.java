package org.partnershipledger.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** How many operations per second, and how long each took. */
record Measured(long operations, double seconds, Histogram latency) {

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
}
