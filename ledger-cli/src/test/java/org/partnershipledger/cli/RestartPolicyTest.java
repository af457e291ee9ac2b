package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final RestartPolicy policy = new RestartPolicy(() -> now, Duration.ofSeconds(1), Duration.ofSeconds(15),
            5, Duration.ofMinutes(1));

    @Test
    void thePauseDoublesWhileCrashesKeepComingAndStopsAtFifteenSeconds() {
        List<Duration> pauses = new ArrayList<>();
        for (int crash = 0; crash < 7; crash++) {
            pauses.add(policy.crashed().orElseThrow());
            now = now.plusSeconds(20); // three crashes a minute: a bad run, not a crash loop
        }

        assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 15L, 15L, 15L);
    }

    @Test
    void theFifthCrashWithinAMinuteGivesUp() {
        Instant first = now;
        for (int seconds : new int[] {0, 14, 28, 42}) {
            now = first.plusSeconds(seconds);
            assertThat(policy.crashed()).as("crash at %d s", seconds).isPresent();
        }
        now = first.plusSeconds(59);

        assertThat(policy.crashed()).isEmpty();
        assertThat(policy.limit()).isEqualTo("5 times within 60 s");
    }

    @Test
    void crashesSpreadOverTimeNeverGiveUp() {
        for (int crash = 0; crash < 100; crash++) {
            assertThat(policy.crashed()).as("crash %d", crash).isPresent();
            now = now.plusSeconds(16); // at most four within any minute
        }
    }

    @Test
    void aMinuteWithoutACrashStartsThePausesOver() {
        policy.crashed();
        policy.crashed();
        assertThat(policy.crashed()).contains(Duration.ofSeconds(4));

        now = now.plus(Duration.ofMinutes(1));

        assertThat(policy.crashed()).contains(Duration.ofSeconds(1));
        assertThat(policy.crashed()).as("the old crashes no longer count").contains(Duration.ofSeconds(2));
    }
}
