package org.partnershipledger.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Background work a service repeats while it runs (polling an LRS, signing checkpoints, balancing processors): a
 * task run on a daemon thread of its own, with a fixed delay between runs, until closed. A run that fails is handed
 * to {@code failed} and the next run comes as usual, so one bad moment never stops the work for good.
 */
public final class Ticker implements AutoCloseable {

    private final ScheduledExecutorService thread;

    private Ticker(String threadName) {
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, threadName);
            named.setDaemon(true);
            return named;
        });
    }

    /** Starts running {@code task} after {@code first}, then every {@code delay} after each run ends. */
    public static Ticker start(String threadName, Duration first, Duration delay, Runnable task,
                               Consumer<RuntimeException> failed) {
        Ticker ticker = new Ticker(threadName);
        ticker.thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return ticker;
    }

    /** Stops the work, interrupting a run under way. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
