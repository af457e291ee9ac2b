package org.partnershipledger.command.common;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency from HTTP: {@code If-Match: "3"} means "apply this only if the aggregate is still at
 * version 3". Commands carry it; the aggregate refuses with 412 VERSION_MISMATCH when it has moved on.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** The version named by an {@code If-Match} header, or null when there is none ({@code *} means any). */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "If-Match must be an ETag this ledger returned, such as \"3\"");
        }
    }

    /** Refuses a command whose expected version is not the aggregate's current one. */
    public static void check(Object command, Long currentVersion) {
        if (command instanceof VersionedCommand versioned && versioned.expectedVersion() != null
                && !versioned.expectedVersion().equals(currentVersion)) {
            throw new LedgerRejection.VersionMismatch("Expected version " + versioned.expectedVersion()
                    + " but it is at version " + currentVersion + "; read it again and retry");
        }
    }
}
