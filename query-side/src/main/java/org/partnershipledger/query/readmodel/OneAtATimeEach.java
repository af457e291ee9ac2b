package org.partnershipledger.query.readmodel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on threads of their own, several keys at once and at most one task of each key at a time: the last
 * steps of the rebuilds (a copy's indexes built, the take-over), one read model's while another's run; a webhook
 * subscription's deliveries, one subscription's while another's are sent.
 *
 * <p>Why for the rebuilds: when every read model is rebuilt at once, the largest reach the head of the store
 * together, and their indexes were built and their take-overs made one after the other on the rebuilds' watcher,
 * while the cores had little else to do: 13–16% of the whole rebuild in the bench's runs.
 */
public final class OneAtATimeEach {

    private final ExecutorService threads;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** On daemon threads called {@code threadName}, as many as tasks run at once. */
    public OneAtATimeEach(String threadName) {
        this(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** On {@code threads}, which are shut down with this. */
    public OneAtATimeEach(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * Runs {@code task} unless one of {@code key}'s still runs (or this has been shut down); whether it was taken.
     * The task's failures are its own to report.
     */
    public boolean run(String key, Runnable task) {
        if (!running.add(key)) {
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    running.remove(key);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            running.remove(key);
            return false;
        }
    }

    /** Whether a task of {@code key} runs. */
    public boolean runs(String key) {
        return running.contains(key);
    }

    /** Takes no more tasks and interrupts those running. */
    public void shutDownNow() {
        threads.shutdownNow();
    }

    /** Takes no more tasks and waits up to {@code seconds} for those running to end. */
    public void shutDown(long seconds) {
        threads.shutdown();
        try {
            threads.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
