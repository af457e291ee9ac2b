package org.partnershipledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.HandClock;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Repeated failed logins for one user name are slowed down, never locked out for good: the policy on its own
 * ({@link FailedLogins}) with a clock the test moves, and in front of the password check.
 */
class LoginBackoffTest {

    /** Five failures free, then 1 s, doubling to at most 8 s; forgotten after 10 quiet minutes. */
    static final LedgerSecurityProperties.LoginBackoff SETTINGS = new LedgerSecurityProperties.LoginBackoff(5,
            Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(8));

    final HandClock clock = new HandClock(Instant.parse("2026-11-23T10:00:00Z"));
    final FailedLogins failedLogins = new FailedLogins(SETTINGS, clock);

    /** The users that exist and their passwords; any other name fails like a wrong password. */
    final Map<String, String> users = Map.of("analyst", "right");
    final AtomicInteger passwordChecks = new AtomicInteger();
    final BackoffAuthenticationProvider provider = new BackoffAuthenticationProvider(new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            passwordChecks.incrementAndGet();
            if (!String.valueOf(attempt.getCredentials()).equals(users.get(attempt.getName()))) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }, failedLogins);

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(BackoffAuthenticationProvider.class);

    @BeforeEach
    void captureTheLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        logger.detachAppender(log);
    }

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesWithEachFurtherFailureUpToTheCap() {
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(failedLogins.admit("analyst")).isEmpty();
            assertThat(failedLogins.failed("analyst")).isEqualTo(new FailedLogins.Failure(failure, Duration.ZERO));
        }
        List<Long> waits = new java.util.ArrayList<>();
        for (int failure = 5; failure <= 10; failure++) {
            assertThat(failedLogins.admit("analyst")).as("failure %d is checked", failure).isEmpty();
            Duration wait = failedLogins.failed("analyst").waitFor();
            waits.add(wait.toSeconds());
            assertThat(failedLogins.admit("analyst")).as("refused until the wait is over").contains(wait);
            clock.advance(wait);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 8L, 8L);
    }

    @Test
    void aRefusalSaysHowLongIsLeftAndCountsAsNoFailure() {
        failTimes("analyst", 6); // the sixth failure makes the name wait 2 s

        clock.advance(Duration.ofMillis(500));
        assertThat(failedLogins.admit("analyst")).contains(Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));

        assertThat(failedLogins.admit("analyst")).isEmpty();
        assertThat(failedLogins.failed("analyst").failures()).as("refusals did not add to the count").isEqualTo(7);
    }

    @Test
    void onceTheWaitIsOverACorrectPasswordWorksAndClearsTheCount() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> provider.authenticate(login("analyst", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> provider.authenticate(login("analyst", "right")))
                .as("even the right password waits").isInstanceOf(TooManyFailedLogins.class)
                .satisfies(e -> assertThat(((TooManyFailedLogins) e).retryAfterSeconds()).isEqualTo(1));
        assertThat(passwordChecks).as("a refused attempt's password is never checked").hasValue(5);

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.authenticate(login("analyst", "right")).isAuthenticated()).isTrue();
        assertThat(failedLogins.names()).isZero();
        assertThatThrownBy(() -> provider.authenticate(login("analyst", "guess")))
                .as("counted from one again: no wait after a single failure")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(failedLogins.admit("analyst")).isEmpty();
    }

    @Test
    void aQuietWindowClearsTheCount() {
        failTimes("analyst", 7);

        clock.advance(Duration.ofMinutes(10));

        assertThat(failedLogins.admit("analyst")).isEmpty();
        assertThat(failedLogins.failed("analyst").failures()).isEqualTo(1);
    }

    @Test
    void aNameNoUserHasIsSlowedDownExactlyLikeOneThatExists() {
        for (String name : List.of("analyst", "nobody")) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThatThrownBy(() -> provider.authenticate(login(name, "guess")))
                        .isInstanceOf(BadCredentialsException.class);
            }
        }

        for (String name : List.of("analyst", "nobody")) {
            assertThatThrownBy(() -> provider.authenticate(login(name, "right")))
                    .isInstanceOf(TooManyFailedLogins.class)
                    .satisfies(e -> assertThat(((TooManyFailedLogins) e).retryAfterSeconds()).isEqualTo(1));
        }
    }

    @Test
    void whileANameWaitsOnlyOneAttemptAtATimeIsChecked() {
        failTimes("analyst", 5);
        clock.advance(Duration.ofSeconds(1));

        assertThat(failedLogins.admit("analyst")).as("the first attempt after the wait").isEmpty();
        assertThat(failedLogins.admit("analyst")).as("a parallel one while the first is checked")
                .contains(FailedLogins.WHILE_CHECKING);
        failedLogins.abandoned("analyst");
        assertThat(failedLogins.admit("analyst")).as("the check ended without an outcome").isEmpty();
    }

    @Test
    void beforeTheFreeFailuresAreUsedAttemptsAreCheckedInParallel() {
        failTimes("analyst", 3);

        assertThat(failedLogins.admit("analyst")).isEmpty();
        assertThat(failedLogins.admit("analyst")).isEmpty();
    }

    @Test
    void aFailedLoginIsLoggedWithNameAddressAndCountButNeverThePassword() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> provider.authenticate(login("analyst", "s3cret-guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(login("evil\nFORGED LINE", "s3cret-guess")))
                .isInstanceOf(BadCredentialsException.class);

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(6).noneMatch(line -> line.contains("s3cret-guess"));
        assertThat(lines.get(0)).isEqualTo("Failed login for user \"analyst\" from 203.0.113.9: 1 in a row");
        assertThat(lines.get(4)).isEqualTo("Failed login for user \"analyst\" from 203.0.113.9: 5 in a row; "
                + "the next attempt for this user must wait 1000 ms");
        assertThat(lines.get(5)).as("no forged log line").doesNotContain("\n").contains("evil?FORGED LINE");
    }

    @Test
    void theNamesRememberedAreBounded() {
        for (int name = 0; name <= FailedLogins.MAX_NAMES; name++) {
            failedLogins.failed("user-" + name);
        }

        assertThat(failedLogins.names()).isLessThanOrEqualTo(FailedLogins.MAX_NAMES);
        assertThat(failedLogins.admit("user-" + FailedLogins.MAX_NAMES)).isEmpty();
    }

    @Test
    void theSettingsRefuseADelayThatOutlastsItsWindow() {
        assertThatThrownBy(() -> new LedgerSecurityProperties.LoginBackoff(5, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LedgerSecurityProperties.LoginBackoff(null, null, null, null))
                .isEqualTo(new LedgerSecurityProperties.LoginBackoff(5, Duration.ofMinutes(15), Duration.ofSeconds(1),
                        Duration.ofSeconds(60)));
    }

    private void failTimes(String name, int times) {
        for (int failure = 0; failure < times; failure++) {
            failedLogins.admit(name);
            failedLogins.failed(name);
        }
    }

    /** An attempt over HTTP Basic from 203.0.113.9, as the Basic filter hands it over. */
    private static Authentication login(String name, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(name,
                password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
