package org.partnershipledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.HandClock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CachingAuthenticationProviderTest {

    final AtomicInteger checks = new AtomicInteger();
    final HandClock clock = new HandClock(Instant.parse("2026-11-23T10:00:00Z"));

    final AuthenticationProvider slowChecks = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"right".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slowChecks, Duration.ofMinutes(5),
            clock);

    static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("manager", password);
    }

    @Test
    void aRepeatedGoodLoginIsCheckedOncePerPeriod() {
        provider.authenticate(login("right"));
        provider.authenticate(login("right"));
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        provider.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverRemembered() {
        provider.authenticate(login("right"));

        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }
}
