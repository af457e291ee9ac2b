package org.partnershipledger.query.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many events of each type the store holds, for deciding whether a rebuild reads only its read model's types
 * ({@link HandledTypes}). Counting scans the whole store (more than a second over a million events), and a rebuild
 * of every read model starts them all at once, each asking: a count is kept for a few seconds and shared. The
 * decision compares shares of the store, which the events appended meanwhile barely move; and the stored types no
 * class is known for (older names an upcaster renames), which a rebuild reads too, are not new types.
 */
final class StoredTypeCounts {

    private final Supplier<Map<String, Long>> scan;
    private final Clock clock;
    private final Duration kept;
    private Map<String, Long> counts;
    private Instant countedAt;

    /**
     * @param scan  counts the stored events by type
     * @param kept  how long a count serves
     */
    StoredTypeCounts(Supplier<Map<String, Long>> scan, Clock clock, Duration kept) {
        this.scan = scan;
        this.clock = clock;
        this.kept = kept;
    }

    /** The counts by stored type: counted now, or the count of less than {@code kept} ago. */
    synchronized Map<String, Long> get() {
        Instant now = clock.instant();
        if (counts == null || !now.isBefore(countedAt.plus(kept)) || now.isBefore(countedAt)) {
            counts = Map.copyOf(scan.get());
            countedAt = now;
        }
        return counts;
    }
}
