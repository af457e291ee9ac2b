package org.partnershipledger.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** An attempt refused, without checking its password, because its user name must wait (see {@link FailedLogins}). */
class TooManyFailedLogins extends AuthenticationException {

    private final Duration wait;

    TooManyFailedLogins(Duration wait) {
        super("Too many failed logins for this user name");
        this.wait = wait;
    }

    /** Whole seconds to wait, rounded up, at least 1: the Retry-After of the answer. */
    long retryAfterSeconds() {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
