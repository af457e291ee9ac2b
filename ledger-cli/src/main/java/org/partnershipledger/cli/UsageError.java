package org.partnershipledger.cli;

/**
 * The command was asked something it cannot do as given (a missing file, an option that is not what it should be).
 * Kept apart from a failed check so that the exit code tells "you asked wrongly" (2) from "the answer is no" (1).
 */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message, null, false, false);
    }
}
