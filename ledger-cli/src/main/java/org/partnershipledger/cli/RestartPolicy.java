package org.partnershipledger.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start a crashed process again, and when to stop trying. The pause doubles from one second up to
 * fifteen while crashes keep coming, so a process that cannot stay up does not eat the machine; after a whole
 * minute without a crash it is back to one second. Five crashes within a minute mean something a restart will
 * not fix: the policy gives up, so that a person looks at it. Plain logic on a clock of its own, to be testable.
 */
final class RestartPolicy {

    private final InstantSource clock;
    private final Duration firstPause;
    private final Duration longestPause;
    private final int crashLimit;
    private final Duration window;
    private final Deque<Instant> recentCrashes = new ArrayDeque<>();
    private int crashesInARow;

    RestartPolicy(InstantSource clock, Duration firstPause, Duration longestPause, int crashLimit, Duration window) {
        this.clock = clock;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.crashLimit = crashLimit;
        this.window = window;
    }

    static RestartPolicy standard() {
        return new RestartPolicy(InstantSource.system(), Duration.ofSeconds(1), Duration.ofSeconds(15), 5,
                Duration.ofMinutes(1));
    }

    /** Records a crash now. Returns how long to pause before the restart, or empty when it is time to give up. */
    Optional<Duration> crashed() {
        Instant now = clock.instant();
        recentCrashes.removeIf(crash -> !crash.isAfter(now.minus(window)));
        if (recentCrashes.isEmpty()) {
            crashesInARow = 0;
        }
        recentCrashes.addLast(now);
        crashesInARow++;
        if (recentCrashes.size() >= crashLimit) {
            return Optional.empty();
        }
        Duration pause = firstPause;
        for (int i = 1; i < crashesInARow && pause.compareTo(longestPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return Optional.of(pause.compareTo(longestPause) < 0 ? pause : longestPause);
    }

    /** What made it give up, e.g. "5 times within 60 s". */
    String limit() {
        return crashLimit + " times within " + window.toSeconds() + " s";
    }
}
