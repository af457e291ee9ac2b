package org.partnershipledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Background work goes on after a failed run, on a daemon thread, and stops when closed. */
class TickerTest {

    @Test
    void aFailedRunIsReportedAndTheNextRunsAsUsual() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Boolean> daemon = new CopyOnWriteArrayList<>();

        try (Ticker ticker = Ticker.start("ticker-under-test", Duration.ZERO, Duration.ofMillis(5), () -> {
            daemon.add(Thread.currentThread().isDaemon());
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        }, failures::add)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runs.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        int afterClose = runs.get();
        Thread.sleep(50);

        assertThat(afterClose).isGreaterThanOrEqualTo(3);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("the first run fails");
        assertThat(daemon).containsOnly(true);
        assertThat(runs.get()).as("no run after close").isLessThanOrEqualTo(afterClose + 1);
    }
}
