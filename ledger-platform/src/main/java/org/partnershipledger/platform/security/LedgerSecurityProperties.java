package org.partnershipledger.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the ledger. Without an OIDC issuer, users come from configuration with BCrypt hashes (HTTP Basic);
 * with {@code LEDGER_OIDC_ISSUER} (or a JWK set URI) the services accept JWTs from that issuer instead.
 *
 * @param users        users for HTTP Basic
 * @param oidc         the OIDC issuer, the audience and clock skew its tokens are checked against, and which claims
 *                     carry the user's name, roles and partner organisation
 * @param loginBackoff how repeated failed HTTP Basic logins for one user name are slowed down
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<User> users, Oidc oidc, LoginBackoff loginBackoff) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
        loginBackoff = loginBackoff == null ? new LoginBackoff(null, null, null, null) : loginBackoff;
    }

    /**
     * @param passwordHash BCrypt hash, e.g. {@code $2a$10$...}
     * @param organizationId the partner organisation (for PARTNER users), a stable slug such as {@code acme-learning}
     */
    public record User(String name, String passwordHash, Set<LedgerRole> roles, String organizationId) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * @param issuer    the issuer's URL: its discovery document names the keys, and every token's {@code iss} must be
     *                  this
     * @param audience  a token's {@code aud} must name at least one of these; empty accepts any audience, which the
     *                  production profile refuses
     * @param jwkSetUri where the issuer's keys are, instead of asking its discovery document
     * @param clockSkew how far {@code exp} and {@code nbf} may be off the service's clock (0 to 5 minutes)
     */
    public record Oidc(String issuer, String nameClaim, String rolesClaim, String organizationClaim,
                       List<String> audience, String jwkSetUri, Duration clockSkew) {

        static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

        public Oidc {
            issuer = issuer == null ? "" : issuer.trim();
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            organizationClaim = organizationClaim == null ? "organizationId" : organizationClaim;
            audience = audience == null ? List.of()
                    : audience.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
            jwkSetUri = jwkSetUri == null ? "" : jwkSetUri.trim();
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException(
                        "ledger.security.oidc.clock-skew must be from 0 to " + MAX_CLOCK_SKEW + ": " + clockSkew);
            }
        }

        public boolean enabled() {
            return !issuer.isEmpty() || !jwkSetUri.isEmpty();
        }
    }

    /**
     * After {@code freeFailures} wrong passwords in a row for one user name, each further attempt for that name must
     * wait: {@code initialDelay}, doubling with each further failure up to {@code maxDelay}. An attempt while it
     * must wait is answered 429 without checking the password. A correct password once the wait is over clears the
     * count, and so does a quiet {@code window} without failures.
     */
    public record LoginBackoff(Integer freeFailures, Duration window, Duration initialDelay, Duration maxDelay) {
        public LoginBackoff {
            freeFailures = freeFailures == null ? 5 : freeFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
            initialDelay = initialDelay == null ? Duration.ofSeconds(1) : initialDelay;
            maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
            if (freeFailures < 1) {
                throw new IllegalArgumentException("ledger.security.login-backoff.free-failures must be at least 1");
            }
            if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0 || window.compareTo(maxDelay) < 0) {
                throw new IllegalArgumentException("ledger.security.login-backoff needs 0 < initial-delay <= "
                        + "max-delay <= window: initial-delay " + initialDelay + ", max-delay " + maxDelay
                        + ", window " + window);
            }
        }
    }
}
