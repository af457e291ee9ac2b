package org.partnershipledger.command.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where snapshots are taken: one background thread, after the command that triggered it has committed and
 * answered. Taking a snapshot reads the events since the last one, replays them and writes the aggregate's state;
 * in the command's own thread that made every hundredth command of an aggregate several times slower than the
 * others (it set the p99). A snapshot is only a shortcut for loading, so nothing depends on when it lands. Should
 * the queue ever fill up, the command's thread takes its snapshot itself, as it did before, instead of dropping it.
 */
final class SnapshotThread implements Executor, AutoCloseable {

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread worker = new Thread(runnable, "ledger-snapshots");
                worker.setDaemon(true);
                return worker;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Lets the snapshots already asked for finish, for a few seconds at most. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
