package org.partnershipledger.platform.security;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded default ships demo users whose password is {@code <name>-demo}. Fine on a laptop, never in
 * production: with the {@code prod} profile a service refuses to start while any user still has one.
 */
final class DemoCredentials {

    static final String PRODUCTION_PROFILE = "prod";

    private DemoCredentials() {
    }

    static void refuseInProduction(List<LedgerSecurityProperties.User> users, Environment environment,
                                   PasswordEncoder encoder) {
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return;
        }
        List<String> demo = users.stream()
                .filter(user -> user.passwordHash() != null && encoder.matches(user.name() + "-demo", user.passwordHash()))
                .map(LedgerSecurityProperties.User::name)
                .toList();
        if (!demo.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the production profile: users " + demo
                    + " still have their demo passwords. Configure ledger.security.users with your own BCrypt"
                    + " hashes, or LEDGER_OIDC_ISSUER.");
        }
    }
}
