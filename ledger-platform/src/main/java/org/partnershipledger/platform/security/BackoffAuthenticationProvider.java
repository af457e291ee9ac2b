package org.partnershipledger.platform.security;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link FailedLogins} in front of the password check. An attempt for a name that must wait is refused before
 * its password is looked at, with {@link TooManyFailedLogins} (429 with Retry-After), the same answer for every name
 * and every password. Every wrong password is logged with the user name, the remote address and the count, never
 * with the password.
 */
class BackoffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(BackoffAuthenticationProvider.class);
    private static final int LOGGED_NAME_LENGTH = 64;

    private final AuthenticationProvider delegate;
    private final FailedLogins failedLogins;

    BackoffAuthenticationProvider(AuthenticationProvider delegate, FailedLogins failedLogins) {
        this.delegate = delegate;
        this.failedLogins = failedLogins;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String user = attempt.getName();
        Optional<Duration> wait = failedLogins.admit(user);
        if (wait.isPresent()) {
            LOG.debug("Login for user \"{}\" from {} refused unchecked: it must wait {} ms after repeated failures",
                    printable(user), remoteAddress(attempt), wait.get().toMillis());
            throw new TooManyFailedLogins(wait.get());
        }
        boolean reported = false;
        try {
            Authentication result = delegate.authenticate(attempt);
            if (result != null) {
                reported = true;
                int failures = failedLogins.succeeded(user);
                if (failures > 0) {
                    LOG.info("User \"{}\" logged in from {} after {} failed logins in a row", printable(user),
                            remoteAddress(attempt), failures);
                }
            }
            return result;
        } catch (BadCredentialsException e) {
            reported = true;
            FailedLogins.Failure failure = failedLogins.failed(user);
            LOG.warn("Failed login for user \"{}\" from {}: {} in a row{}", printable(user), remoteAddress(attempt),
                    failure.failures(), failure.waitFor().isZero() ? ""
                            : "; the next attempt for this user must wait " + failure.waitFor().toMillis() + " ms");
            throw e;
        } finally {
            if (!reported) {
                failedLogins.abandoned(user);
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String remoteAddress(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : "an unknown address";
    }

    /** The name as it can go into a log line: no control characters (no forged lines), and not too long. */
    static String printable(String name) {
        String cut = name.length() > LOGGED_NAME_LENGTH ? name.substring(0, LOGGED_NAME_LENGTH) + "..." : name;
        return cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
    }
}
