package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The store's events counted by type: once for the rebuilds started together, again once the count is old. */
class StoredTypeCountsTest {

    final Map<String, Long> store = new HashMap<>(Map.of("Opened", 10L, "Recorded", 90L));
    final AtomicInteger scans = new AtomicInteger();
    Instant now = Instant.parse("2026-12-05T10:00:00Z");

    final StoredTypeCounts counts = new StoredTypeCounts(() -> {
        scans.incrementAndGet();
        return store;
    }, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofMinutes(1));

    @Test
    void rebuildsStartedTogetherShareOneScan() {
        assertThat(counts.get()).containsEntry("Recorded", 90L);
        now = now.plusSeconds(59);
        assertThat(counts.get()).containsEntry("Recorded", 90L);

        assertThat(scans).hasValue(1);
    }

    @Test
    void anOldCountIsCountedAgain() {
        counts.get();
        store.put("Recorded", 900L);
        now = now.plusSeconds(60);

        assertThat(counts.get()).containsEntry("Recorded", 900L);
        assertThat(scans).hasValue(2);
    }

    @Test
    void aClockSetBackCountsAgain() {
        counts.get();
        now = now.minusSeconds(5);

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
