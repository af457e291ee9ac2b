package org.partnershipledger.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, forwards or back. */
public final class HandClock extends Clock {

    private Instant now;

    public HandClock(Instant now) {
        this.now = now;
    }

    /** Moves the clock by {@code duration} (back when it is negative). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
