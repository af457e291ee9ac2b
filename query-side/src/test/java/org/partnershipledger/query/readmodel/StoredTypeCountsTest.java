package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.HandClock;

/** The store's events counted by type: once for the rebuilds started together, again once the count is old. */
class StoredTypeCountsTest {

    final Map<String, Long> store = new HashMap<>(Map.of("Opened", 10L, "Recorded", 90L));
    final AtomicInteger scans = new AtomicInteger();
    final HandClock clock = new HandClock(Instant.parse("2026-12-05T10:00:00Z"));

    final StoredTypeCounts counts = new StoredTypeCounts(() -> {
        scans.incrementAndGet();
        return store;
    }, clock, Duration.ofMinutes(1));

    @Test
    void rebuildsStartedTogetherShareOneScan() {
        assertThat(counts.get()).containsEntry("Recorded", 90L);
        clock.advance(Duration.ofSeconds(59));
        assertThat(counts.get()).containsEntry("Recorded", 90L);

        assertThat(scans).hasValue(1);
    }

    @Test
    void anOldCountIsCountedAgain() {
        counts.get();
        store.put("Recorded", 900L);
        clock.advance(Duration.ofSeconds(60));

        assertThat(counts.get()).containsEntry("Recorded", 900L);
        assertThat(scans).hasValue(2);
    }

    @Test
    void aClockSetBackCountsAgain() {
        counts.get();
        clock.advance(Duration.ofSeconds(-5));

        counts.get();

        assertThat(scans).hasValue(2);
    }

    @Test
    void theCountKeptIsNotChangedByTheStoreItWasReadFrom() {
        counts.get();
        store.put("Recorded", 1L);

        assertThat(counts.get()).containsEntry("Recorded", 90L);
    }
}
