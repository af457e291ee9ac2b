package org.partnershipledger.query.readmodel;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * At most {@code permits} transactions open at once among the threads that start them here; a thread beyond that
 * waits for one to end (first come, first served).
 *
 * <p>Why: each transaction holds a pooled connection until it ends, and a rebuild's processor keeps one open for
 * every batch of every segment. Rebuilding every read model at once ran eight such threads against a pool of five in
 * the tests (ten in a service): readers then waited for a connection, and answered 503 after the pool's timeout, while
 * a rebuild is meant to cost them nothing. The rebuilds share these permits, so the rest of the pool stays free for
 * readers and the live processors. A thread that already holds a permit joins its own transaction and takes no other
 * (Spring joins the transaction it has open; taking a second permit could wait on itself).
 */
final class BoundedTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final Semaphore permits;
    /** Transactions the current thread has open here. */
    private final ThreadLocal<int[]> open = ThreadLocal.withInitial(() -> new int[1]);

    BoundedTransactions(TransactionManager delegate, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("At least one transaction must be allowed, not " + permits);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public Transaction startTransaction() {
        int[] depth = open.get();
        boolean outermost = depth[0] == 0;
        if (outermost) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a database connection", e);
            }
        }
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException | Error e) {
            if (outermost) {
                permits.release();
            }
            throw e;
        }
        depth[0]++;
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                depth[0]--;
                if (outermost) {
                    permits.release();
                }
            }
        };
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    end.run();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    end.run();
                }
            }
        };
    }

    /** Permits free now (for tests and diagnostics). */
    int available() {
        return permits.availablePermits();
    }
}
