package org.partnershipledger.platform.axon;

import java.time.Duration;

/**
 * The one invariant that keeps readers from skipping events for good: a position left open longer than the gap
 * timeout is given up, so no transaction may stay open that long. The database enforces the transaction bound
 * (see {@code TransactionTimeout}); this refuses a configuration that would break the invariant.
 */
final class GapTimeout {

    private GapTimeout() {
    }

    static void requireLongerThanTransactions(Duration gapTimeout, Duration transactionTimeout) {
        if (gapTimeout.compareTo(transactionTimeout.multipliedBy(2)) < 0) {
            throw new IllegalStateException("ledger.event-store.gap-timeout (" + gapTimeout
                    + ") must be at least twice ledger.db.transaction-timeout (" + transactionTimeout
                    + "), or a slow transaction's events could be skipped by readers for good");
        }
    }
}
