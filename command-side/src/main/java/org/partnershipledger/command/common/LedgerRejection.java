package org.partnershipledger.command.common;

/**
 * A command the rules turn down. Carries a stable {@code code} for clients and the HTTP status it maps to;
 * a rejected command appends nothing.
 */
public abstract class LedgerRejection extends RuntimeException {

    private final String code;
    private final int status;

    protected LedgerRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The command was decided on a version of the aggregate that is no longer current (412). */
    public static class VersionMismatch extends LedgerRejection {
        public VersionMismatch(String message) {
            super(412, "VERSION_MISMATCH", message);
        }
    }

    /** A rule of the domain forbids the change in the aggregate's current state (409). */
    public static class RuleViolated extends LedgerRejection {
        public RuleViolated(String code, String message) {
            super(409, code, message);
        }
    }

    /** The command names something the ledger does not know (404). */
    public static class NotFound extends LedgerRejection {
        public NotFound(String code, String message) {
            super(404, code, message);
        }
    }

    /** The command itself is incomplete or malformed (400). */
    public static class Invalid extends LedgerRejection {
        public Invalid(String code, String message) {
            super(400, code, message);
        }
    }
}
