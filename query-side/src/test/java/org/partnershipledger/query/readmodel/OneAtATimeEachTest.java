package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneAtATimeEachTest {

    private final OneAtATimeEach steps = new OneAtATimeEach("test-steps");

    @Test
    void twoKeysRunAtOnceAndAKeyRunsOneTaskAtATime() throws Exception {
        CountDownLatch eventLogRuns = new CountDownLatch(1);
        CountDownLatch boardRan = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger eventLogTasks = new AtomicInteger();

        assertThat(steps.run("event-log", () -> {
            eventLogTasks.incrementAndGet();
            eventLogRuns.countDown();
            await(release);
        })).isTrue();
        assertThat(eventLogRuns.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(steps.runs("event-log")).isTrue();
        assertThat(steps.run("event-log", eventLogTasks::incrementAndGet)).as("its first task still runs").isFalse();
        assertThat(steps.run("board-views", boardRan::countDown)).isTrue();
        assertThat(boardRan.await(5, TimeUnit.SECONDS)).as("another key's task, while the first waits").isTrue();

        release.countDown();
        awaitIdle("event-log");
        assertThat(eventLogTasks).as("the task refused never ran").hasValue(1);
        assertThat(steps.run("event-log", eventLogTasks::incrementAndGet)).as("free again").isTrue();
        awaitIdle("event-log");
        assertThat(eventLogTasks).hasValue(2);
    }

    @Test
    void aFailingTaskFreesItsKey() throws Exception {
        assertThat(steps.run("impact-facts", () -> {
            throw new IllegalStateException("index build failed");
        })).isTrue();
        awaitIdle("impact-facts");
        CountDownLatch ran = new CountDownLatch(1);
        assertThat(steps.run("impact-facts", ran::countDown)).isTrue();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void noTaskIsTakenOnceShutDownAndTheRunningOneEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        steps.run("pivot-impact", () -> {
            await(release);
            ended.incrementAndGet();
        });
        Thread stopper = new Thread(() -> steps.shutDown(5));
        stopper.start();
        release.countDown();
        stopper.join(10_000);
        assertThat(ended).as("the task under way was let finish").hasValue(1);
        assertThat(steps.run("event-log", ended::incrementAndGet)).isFalse();
        assertThat(steps.runs("event-log")).isFalse();
    }

    private void awaitIdle(String key) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (steps.runs(key) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(steps.runs(key)).as(key + " done").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
