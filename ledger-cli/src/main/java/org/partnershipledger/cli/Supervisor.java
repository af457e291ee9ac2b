package org.partnershipledger.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps the ledger's processes running. Each is watched on a thread of its own and, when it dies, started again
 * after the pause its {@link RestartPolicy} gives, with a line on the console saying what died, how, where to
 * look and when it comes back. When a policy gives up, {@link #gaveUp()} completes with the reason and the
 * caller stops everything. Once {@link #stop()} is called, processes ending are expected and go unreported.
 */
final class Supervisor {

    /** Something to keep running. */
    interface Supervised {

        /** How the console calls it, e.g. "command-side". */
        String name();

        /** Where to look when it dies: its log, or what comes closest. */
        String log();

        /** Blocks until it is no longer running; says how it ended, e.g. "exit 137". */
        String awaitDeath() throws InterruptedException;

        /** Starts it again; throws when that did not work. */
        void restart() throws Exception;
    }

    private final Supplier<RestartPolicy> policies;
    private final PrintStream console;
    private final CompletableFuture<String> gaveUp = new CompletableFuture<>();
    private volatile boolean stopping;

    Supervisor(Supplier<RestartPolicy> policies, PrintStream console) {
        this.policies = policies;
        this.console = console;
    }

    /** Watches a running process from now on. */
    void watch(Supervised process) {
        Thread watcher = new Thread(() -> keepRunning(process), "supervise-" + process.name());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Completes with what to tell the user when a process keeps dying. */
    CompletableFuture<String> gaveUp() {
        return gaveUp;
    }

    /** From now on processes are being stopped on purpose: no more restarts, no crash reports. */
    void stop() {
        stopping = true;
    }

    private void keepRunning(Supervised process) {
        RestartPolicy policy = policies.get();
        try {
            String crash = "stopped unexpectedly (" + process.awaitDeath() + ")";
            while (!stopping) {
                Optional<Duration> pause = policy.crashed();
                if (pause.isEmpty()) {
                    gaveUp.complete(process.name() + " crashed " + policy.limit() + ", last: " + crash
                            + ". Stopping the ledger; see " + process.log());
                    return;
                }
                console.println(process.name() + " " + crash + "; see " + process.log() + ". Restarting it in "
                        + readable(pause.get()) + ".");
                Thread.sleep(pause.get().toMillis());
                if (stopping) {
                    return;
                }
                try {
                    process.restart();
                    crash = "stopped unexpectedly (" + process.awaitDeath() + ")";
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    crash = "could not be started (" + reason(e) + ")";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts watchers; if something does, the JVM is ending
        }
    }

    /** The exception's message and its causes', which often hold the actual reason. */
    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            reason.append(": ").append(cause.getMessage());
        }
        return reason.toString();
    }

    private static String readable(Duration pause) {
        return pause.toMillis() % 1000 == 0 ? pause.toSeconds() + " s" : pause.toMillis() + " ms";
    }
}
