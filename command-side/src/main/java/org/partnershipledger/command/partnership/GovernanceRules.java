package org.partnershipledger.command.partnership;

import java.util.List;
import java.util.regex.Pattern;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.platform.web.ProblemCode;

/** What a governance charter and a business review must look like. */
final class GovernanceRules {

    /** A quarter ({@code 2026-Q3}) or a month ({@code 2026-09}). */
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(Q[1-4]|0[1-9]|1[0-2])");

    private GovernanceRules() {
    }

    static void assertCharter(GovernanceCadence cadence, List<String> steeringMembers) {
        if (cadence == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "cadence must be MONTHLY or QUARTERLY");
        }
        if (steeringMembers.isEmpty() || steeringMembers.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "A charter names at least one steering member");
        }
    }

    static void assertReview(String period, List<String> attendees) {
        assertPeriod(period);
        if (attendees.isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "A review lists its attendees");
        }
    }

    /** A review, a partner review and a spend are each for a period. */
    static void assertPeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "period must be a quarter (2026-Q3) or a month (2026-09)");
        }
    }
}
