package org.partnershipledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing a password: counts wrong passwords in a row per user name, and after
 * {@code freeFailures} of them every further attempt for that name must wait, {@code initialDelay} doubling with
 * each further failure up to {@code maxDelay}. Never a lockout: once the wait is over a correct password works and
 * clears the count, and a {@code window} without failures clears it too.
 *
 * <p>A name is counted whether or not such a user exists, and a waiting name is refused whatever the password, so
 * a refusal tells nothing about the user or the password. While a name must wait, only one of its attempts at a
 * time is checked, so guesses sent in parallel do not slip through together once the wait is over.
 */
final class FailedLogins {

    /** Names remembered at most; beyond, the quiet ones go first, then those that failed longest ago. */
    static final int MAX_NAMES = 10_000;
    /** What an attempt that arrives while another one for the same waiting name is checked must wait. */
    static final Duration WHILE_CHECKING = Duration.ofSeconds(1);

    /** A wrong password: the failures in a row it makes, and how long the name's next attempt must wait. */
    record Failure(int failures, Duration waitFor) {
    }

    private record State(int failures, Instant lastFailure, Instant waitUntil, boolean checking) {
        State checking(boolean now) {
            return new State(failures, lastFailure, waitUntil, now);
        }
    }

    private final LedgerSecurityProperties.LoginBackoff settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    FailedLogins(LedgerSecurityProperties.LoginBackoff settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks to check a password for {@code user}. Empty: go ahead, then report the outcome ({@link #failed},
     * {@link #succeeded}, or {@link #abandoned} when there was none). Otherwise the attempt is refused, and this is
     * how long the caller must wait before trying again.
     */
    Optional<Duration> admit(String user) {
        Instant now = clock.instant();
        Duration[] refused = {null};
        states.computeIfPresent(user, (name, state) -> {
            if (quiet(state, now)) {
                return null;
            }
            if (state.failures() < settings.freeFailures()) {
                return state;
            }
            if (now.isBefore(state.waitUntil())) {
                refused[0] = Duration.between(now, state.waitUntil());
                return state;
            }
            if (state.checking()) {
                refused[0] = WHILE_CHECKING;
                return state;
            }
            return state.checking(true);
        });
        return Optional.ofNullable(refused[0]);
    }

    /** A wrong password, or a name no user has. */
    Failure failed(String user) {
        Instant now = clock.instant();
        State state = states.compute(user, (name, old) -> {
            int failures = old == null || quiet(old, now) ? 1 : old.failures() + 1;
            return new State(failures, now, now.plus(delay(failures)), false);
        });
        if (states.size() > MAX_NAMES) {
            forgetSome(now);
        }
        return new Failure(state.failures(), Duration.between(now, state.waitUntil()));
    }

    /** A correct password: the name's count is cleared. Returns the failures in a row it ends. */
    int succeeded(String user) {
        State state = states.remove(user);
        return state == null || quiet(state, clock.instant()) ? 0 : state.failures();
    }

    /** The check ended without saying whether the password was right (it failed for another reason). */
    void abandoned(String user) {
        states.computeIfPresent(user, (name, state) -> state.checking(false));
    }

    /** What a name that has failed {@code failures} times in a row must wait before its next attempt. */
    Duration delay(int failures) {
        if (failures < settings.freeFailures()) {
            return Duration.ZERO;
        }
        Duration delay = settings.initialDelay();
        for (int doubling = settings.freeFailures(); doubling < failures; doubling++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(settings.maxDelay()) >= 0) {
                return settings.maxDelay();
            }
        }
        return delay;
    }

    int names() {
        return states.size();
    }

    private boolean quiet(State state, Instant now) {
        return !state.lastFailure().plus(settings.window()).isAfter(now);
    }

    private void forgetSome(Instant now) {
        states.entrySet().removeIf(entry -> quiet(entry.getValue(), now));
        int excess = states.size() - MAX_NAMES * 9 / 10;
        if (excess > 0) {
            states.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, State> entry) -> entry.getValue().lastFailure()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(states::remove);
        }
    }
}
