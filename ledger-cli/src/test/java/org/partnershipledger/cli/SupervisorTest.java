package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor with real child processes. Pauses are milliseconds and the crash window a whole minute, so the
 * outcomes do not depend on how fast a loaded machine runs; every wait is for an event, with a generous timeout.
 */
class SupervisorTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Supervisor supervisor = new Supervisor(() -> new RestartPolicy(InstantSource.system(),
            Duration.ofMillis(10), Duration.ofMillis(100), 5, Duration.ofMinutes(1)),
            new PrintStream(output, true, StandardCharsets.UTF_8));
    private Child child;

    @AfterEach
    void stopChildren() {
        supervisor.stop();
        child.started.forEach(Process::destroyForcibly);
    }

    @Test
    void aChildThatDiesIsStartedAgain() throws Exception {
        child = new Child(start -> start == 0 ? "exit 3" : "exec sleep 60");
        supervisor.watch(child);

        Process second = child.awaitStart(2);

        assertThat(second.isAlive()).isTrue();
        assertThat(console()).contains("child stopped unexpectedly (exit 3); see child.log. Restarting it in 10 ms.");
        assertThat(supervisor.gaveUp()).isNotDone();
    }

    @Test
    void aChildThatKeepsDyingMakesTheSupervisorGiveUpNamingIt() throws Exception {
        child = new Child(start -> "exit 1");
        supervisor.watch(child);

        String reason = supervisor.gaveUp().get(60, TimeUnit.SECONDS);

        assertThat(reason).isEqualTo("child crashed 5 times within 60 s, last: stopped unexpectedly (exit 1). "
                + "Stopping the ledger; see child.log");
        assertThat(child.started).as("started once, then restarted after each of the first four crashes").hasSize(5);
        assertThat(console()).contains("Restarting it in 10 ms.", "Restarting it in 80 ms.");
    }

    @Test
    void aRestartThatFailsIsReportedAndTriedAgain() throws Exception {
        child = new Child(start -> start == 0 ? "exit 2" : "exec sleep 60");
        child.failNextRestart = true;
        supervisor.watch(child);

        child.awaitStart(2);

        assertThat(console()).contains("child stopped unexpectedly (exit 2); see child.log. Restarting it in 10 ms.",
                "child could not be started (no luck: port in use); see child.log. Restarting it in 20 ms.");
    }

    @Test
    void aChildStoppedOnPurposeIsNeitherReportedNorRestarted() throws Exception {
        child = new Child(start -> "exec sleep 60");
        supervisor.watch(child);
        Thread watcher = child.awaitWatcher();

        supervisor.stop();
        child.started.get(0).destroy();
        watcher.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(watcher.isAlive()).isFalse();
        assertThat(child.started).hasSize(1);
        assertThat(console()).isEmpty();
    }

    private String console() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** A shell that runs the given script; the first one is started here, as the launcher starts its services. */
    private static final class Child implements Supervisor.Supervised {

        final List<Process> started = new CopyOnWriteArrayList<>();
        final List<Thread> watchers = new CopyOnWriteArrayList<>();
        private final IntFunction<String> scripts;
        volatile boolean failNextRestart;

        Child(IntFunction<String> scripts) throws IOException {
            this.scripts = scripts;
            restart();
        }

        @Override
        public String name() {
            return "child";
        }

        @Override
        public String log() {
            return "child.log";
        }

        @Override
        public String awaitDeath() throws InterruptedException {
            watchers.add(Thread.currentThread());
            return "exit " + started.get(started.size() - 1).waitFor();
        }

        @Override
        public void restart() throws IOException {
            if (failNextRestart) {
                failNextRestart = false;
                throw new IllegalStateException("no luck", new IOException("port in use"));
            }
            started.add(new ProcessBuilder("sh", "-c", scripts.apply(started.size()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());
        }

        Process awaitStart(int count) throws InterruptedException {
            await(() -> started.size() >= count, "start " + count);
            return started.get(count - 1);
        }

        Thread awaitWatcher() throws InterruptedException {
            await(() -> !watchers.isEmpty(), "the supervisor to watch");
            return watchers.get(0);
        }

        private static void await(BooleanSupplier condition, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
