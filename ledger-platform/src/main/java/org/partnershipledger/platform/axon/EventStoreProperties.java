package org.partnershipledger.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the PostgreSQL event store (JDBC mode only; Axon Server has its own).
 *
 * @param gapTimeout   how long a reader waits for a position that was handed out but not yet committed before
 *                     giving it up; must exceed the longest transaction ({@code ledger.db.transaction-timeout})
 * @param maxGapOffset how far back a reader keeps track of open positions
 * @param batchSize    events read per query when streaming
 * @param fetchDelay   how long a reader at the head waits before asking the database again
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(Duration gapTimeout, Integer maxGapOffset, Integer batchSize, Duration fetchDelay) {

    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(120) : gapTimeout;
        maxGapOffset = maxGapOffset == null ? 10_000 : maxGapOffset;
        batchSize = batchSize == null ? 500 : batchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(25) : fetchDelay;
    }
}
