package org.partnershipledger.command.common;

import org.partnershipledger.platform.web.ProblemCode;

/** Named guards that aggregates call before deciding. */
public final class Guards {

    private Guards() {
    }

    /** Every change of direction needs a reason the board can read later. */
    public static void assertReasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LedgerRejection.Invalid(ProblemCode.REASON_REQUIRED, "A reason is required for this change");
        }
    }

    public static void assertGiven(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, field + " must not be blank");
        }
    }
}
