package org.partnershipledger.command.common;

import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.partnershipledger.platform.web.StoreUnavailable;

/**
 * A command that lost a race for its aggregate's next sequence number is sent again, up to {@link #ATTEMPTS} times
 * in all. That happens when two command sides share one PostgreSQL store: each keeps aggregates in memory, and the
 * one whose copy is stale finds the number taken when it appends. Its unit of work rolls back, the stale copy is
 * evicted, and the command runs again on the aggregate as stored, so its rules are checked against what really
 * happened. Only when every attempt loses does the failure reach the caller ({@code 409 CONCURRENT_MODIFICATION}).
 */
public final class LostRaces {

    static final int ATTEMPTS = 5;

    private LostRaces() {
    }

    /** What {@code send} answers, sending it again while it loses races. */
    public static <T> T retried(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException failed) {
                if (attempt >= ATTEMPTS || !lost(failed)) {
                    throw failed;
                }
            }
        }
    }

    /** Another writer took the aggregate's next sequence number: not a broken rule, and not an outage. */
    static boolean lost(Throwable failed) {
        if (StoreUnavailable.causedBy(failed)) {
            return false;
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
