package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

class BoundedTransactionsTest {

    /** Counts the transactions open at once, as the connections a pool would have lent. */
    static class CountingTransactions implements TransactionManager {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<String> ended = new CopyOnWriteArrayList<>();
        volatile boolean failToStart;
        volatile boolean failToCommit;

        @Override
        public Transaction startTransaction() {
            if (failToStart) {
                throw new IllegalStateException("no connection");
            }
            most.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new Transaction() {
                @Override
                public void commit() {
                    open.decrementAndGet();
                    ended.add("commit");
                    if (failToCommit) {
                        throw new IllegalStateException("commit failed");
                    }
                }

                @Override
                public void rollback() {
                    open.decrementAndGet();
                    ended.add("rollback");
                }
            };
        }
    }

    private final CountingTransactions pool = new CountingTransactions();

    @Test
    void noMoreThanThePermitsAreOpenAtOnceAndEveryThreadGetsItsTurn() throws Exception {
        BoundedTransactions bounded = new BoundedTransactions(pool, 2);
        int threads = 8;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    bounded.executeInTransaction(() -> sleep(1));
                }
                done.countDown();
            });
            thread.start();
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).as("every thread finished").isTrue();
        assertThat(pool.most.get()).as("transactions open at once").isEqualTo(2);
        assertThat(pool.ended).hasSize(threads * 50);
        assertThat(bounded.available()).isEqualTo(2);
    }

    @Test
    void aThreadBeyondThePermitsWaitsUntilOneEnds() throws Exception {
        BoundedTransactions bounded = new BoundedTransactions(pool, 1);
        Transaction first = bounded.startTransaction();
        CountDownLatch started = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            bounded.startTransaction().commit();
            started.countDown();
        });
        second.start();

        assertThat(started.await(200, TimeUnit.MILLISECONDS)).as("waits while the first is open").isFalse();
        first.rollback();
        assertThat(started.await(10, TimeUnit.SECONDS)).as("goes on once it ended").isTrue();
        assertThat(pool.ended).containsExactly("rollback", "commit");
    }

    @Test
    void aTransactionStartedWithinAnotherOnTheSameThreadTakesNoSecondPermit() {
        BoundedTransactions bounded = new BoundedTransactions(pool, 1);

        Transaction outer = bounded.startTransaction();
        Transaction inner = bounded.startTransaction(); // with one permit, taking another would wait forever
        inner.commit();
        assertThat(bounded.available()).as("held by the outer one still").isZero();
        outer.commit();

        assertThat(bounded.available()).isEqualTo(1);
    }

    @Test
    void thePermitComesBackWhenTheTransactionCannotStartOrItsCommitFails() {
        BoundedTransactions bounded = new BoundedTransactions(pool, 1);
        pool.failToStart = true;
        assertThatThrownBy(bounded::startTransaction).hasMessage("no connection");
        assertThat(bounded.available()).isEqualTo(1);

        pool.failToStart = false;
        pool.failToCommit = true;
        Transaction failing = bounded.startTransaction();
        assertThatThrownBy(failing::commit).hasMessage("commit failed");
        assertThat(bounded.available()).isEqualTo(1);
        failing.rollback(); // Axon rolls back after a failed commit: the permit is not given back twice
        assertThat(bounded.available()).isEqualTo(1);
    }

    @Test
    void aThreadInterruptedWhileWaitingGivesUpWithItsFlagSet() throws Exception {
        BoundedTransactions bounded = new BoundedTransactions(pool, 1);
        Transaction held = bounded.startTransaction();
        AtomicInteger outcome = new AtomicInteger();
        Thread waiting = new Thread(() -> {
            try {
                bounded.startTransaction();
                outcome.set(1);
            } catch (IllegalStateException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? 2 : 3);
            }
        });
        waiting.start();
        Thread.sleep(50);
        waiting.interrupt();
        waiting.join(Duration.ofSeconds(10).toMillis());

        assertThat(outcome.get()).as("gave up, interrupted").isEqualTo(2);
        held.commit();
        assertThat(bounded.available()).isEqualTo(1);
    }

    @Test
    void atLeastOnePermit() {
        assertThatThrownBy(() -> new BoundedTransactions(pool, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
