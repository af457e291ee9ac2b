package org.partnershipledger.command.common;

import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.http.HttpStatus;

/**
 * A command the rules turn down, with the stable {@link ProblemCode} clients see (which also says the HTTP status);
 * a rejected command appends nothing. The subclasses say which kind of refusal it is, and take only codes of their
 * status, so a rule cannot answer 400 with a conflict's code by mistake.
 */
public abstract class LedgerRejection extends RuntimeException {

    private final ProblemCode code;

    protected LedgerRejection(ProblemCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }

    public int status() {
        return code.status().value();
    }

    /** What travels back to the sender of the command. */
    public RejectionDetails details() {
        return RejectionDetails.of(code, getMessage());
    }

    private static ProblemCode of(HttpStatus status, ProblemCode code) {
        if (code.status() != status) {
            throw new IllegalStateException(code + " is a " + code.status().value() + ", not a " + status.value());
        }
        return code;
    }

    /** The command was decided on a version of the aggregate that is no longer current (412). */
    public static class VersionMismatch extends LedgerRejection {
        public VersionMismatch(String message) {
            super(ProblemCode.VERSION_MISMATCH, message);
        }
    }

    /** A rule of the domain forbids the change in the aggregate's current state (409). */
    public static class RuleViolated extends LedgerRejection {
        public RuleViolated(ProblemCode code, String message) {
            super(of(HttpStatus.CONFLICT, code), message);
        }
    }

    /** The command names something the ledger does not know (404). */
    public static class NotFound extends LedgerRejection {
        public NotFound(ProblemCode code, String message) {
            super(of(HttpStatus.NOT_FOUND, code), message);
        }
    }

    /** The command itself is incomplete or malformed (400). */
    public static class Invalid extends LedgerRejection {
        public Invalid(ProblemCode code, String message) {
            super(of(HttpStatus.BAD_REQUEST, code), message);
        }
    }
}
