package org.partnershipledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotThreadTest {

    @Test
    void snapshotsAreTakenOffTheCommandsThreadAndNoneIsDroppedWhenTheQueueIsFull() throws Exception {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (SnapshotThread snapshots = new SnapshotThread()) {
            snapshots.execute(() -> {
                ranOn.add(Thread.currentThread().getName());
                started.countDown();
                await(release);
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 1_001; i++) {
                snapshots.execute(() -> ranOn.add(Thread.currentThread().getName()));
            }
            assertThat(ranOn).as("the queue holds 1,000; the one after runs in the caller's thread")
                    .containsExactly("ledger-snapshots", Thread.currentThread().getName());
            release.countDown();
        }
        assertThat(ranOn).hasSize(1_002);
        assertThat(ranOn.stream().filter("ledger-snapshots"::equals).count()).isEqualTo(1_001);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
