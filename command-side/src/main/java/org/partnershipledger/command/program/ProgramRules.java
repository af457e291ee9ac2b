package org.partnershipledger.command.program;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.platform.web.ProblemCode;

/** Shapes of program commands that do not depend on the program's state. */
final class ProgramRules {

    private ProgramRules() {
    }

    static void assertBothSidesNamed(List<String> clientSmes, List<String> partnerDesigners) {
        if (blankOrEmpty(clientSmes) || blankOrEmpty(partnerDesigners)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CO_CREATION_NEEDS_BOTH_SIDES,
                    "Co-creation names at least one client SME and one partner learning designer");
        }
    }

    static void assertTimeZone(String timeZone) {
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "timeZone must be an IANA zone such as Europe/Paris");
        }
    }

    /** A list that must name at least one thing, none blank (what a localisation update changed). */
    static void assertNamed(List<String> items, String field) {
        if (blankOrEmpty(items)) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    field + " must name at least one thing, none blank");
        }
    }

    static void assertPositive(Integer number, String field) {
        if (number == null || number <= 0) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, field + " must be a positive number");
        }
    }

    static void assertPeriod(LocalDate start, LocalDate end, LocalDate today) {
        if (start == null || end == null || start.isAfter(end)) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "periodStart must be on or before periodEnd");
        }
        if (end.isAfter(today)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PERIOD_IN_FUTURE,
                    "Impact can only be recorded for a period that has ended (periodEnd " + end + " is after " + today + ")");
        }
    }

    private static boolean blankOrEmpty(List<String> names) {
        return names.isEmpty() || names.stream().anyMatch(name -> name == null || name.isBlank());
    }
}
