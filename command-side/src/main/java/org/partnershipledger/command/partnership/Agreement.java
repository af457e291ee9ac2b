package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.AgreementNotRenewed;
import org.partnershipledger.events.partnership.AgreementRenewed;
import org.partnershipledger.events.partnership.AgreementSigned;
import org.partnershipledger.events.partnership.ScopeExtended;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * The partnership's agreement (its term and renewal date; renewed, or not renewed) and its scope: the regions and
 * programs it grew to. Dates are only compared with each other here; whether a term is running, due for renewal or
 * over is a question of today, which readers answer.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Agreement {

    private LocalDate termEnd;
    private LocalDate renewalDate;
    private boolean notRenewed;
    /** Regions and programs in scope, compared without case. */
    private Set<String> regions = new HashSet<>();
    private Set<String> programs = new HashSet<>();

    void assertSignable(LocalDate termStart, LocalDate termEnd, LocalDate renewalDate) {
        assertDatesGiven(termStart, termEnd, renewalDate);
        if (signed()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.AGREEMENT_ALREADY_SIGNED,
                    "The agreement is already signed (its term ends " + this.termEnd + "): renew it instead");
        }
        if (!termStart.isBefore(termEnd) || renewalDate.isAfter(termEnd)) {
            throw outOfOrder("termStart must be before termEnd, and renewalDate not after termEnd");
        }
    }

    void assertRenewable(LocalDate newTermEnd, LocalDate newRenewalDate) {
        assertDatesGiven(newTermEnd, newRenewalDate);
        assertOpenForDecision();
        if (!newTermEnd.isAfter(termEnd) || !newRenewalDate.isAfter(renewalDate)
                || newRenewalDate.isAfter(newTermEnd)) {
            throw outOfOrder("A renewal ends after " + termEnd + ", renews after " + renewalDate
                    + ", and renews no later than it ends");
        }
    }

    /** A renewal decision needs a signed agreement that was not already not renewed. */
    void assertOpenForDecision() {
        if (!signed()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.NO_AGREEMENT, "Sign an agreement first");
        }
        if (notRenewed) {
            throw new LedgerRejection.RuleViolated(ProblemCode.AGREEMENT_NOT_RENEWED,
                    "The agreement was already not renewed: it ends " + termEnd);
        }
    }

    /** What of {@code named} is not in scope yet (as named, trimmed, each once). */
    List<String> newRegions(List<String> named) {
        return notYetIn(regions, named, "regions");
    }

    List<String> newPrograms(List<String> named) {
        return notYetIn(programs, named, "programs");
    }

    private static List<String> notYetIn(Set<String> scope, List<String> named, String field) {
        List<String> added = new ArrayList<>();
        Set<String> seen = new HashSet<>(scope);
        for (String name : named) {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        field + " are names or ids of at most 200 characters");
            }
            if (seen.add(key(name))) {
                added.add(name.trim());
            }
        }
        return added;
    }

    private static void assertDatesGiven(LocalDate... dates) {
        for (LocalDate date : dates) {
            if (date == null) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        "termStart, termEnd and renewalDate must be given");
            }
        }
    }

    private static LedgerRejection outOfOrder(String message) {
        return new LedgerRejection.RuleViolated(ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER, message);
    }

    private boolean signed() {
        return termEnd != null;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        termEnd = event.termEnd();
        renewalDate = event.renewalDate();
    }

    @EventSourcingHandler
    void on(AgreementRenewed event) {
        termEnd = event.termEnd();
        renewalDate = event.renewalDate();
    }

    @EventSourcingHandler
    void on(AgreementNotRenewed event) {
        notRenewed = true;
    }

    @EventSourcingHandler
    void on(ScopeExtended event) {
        event.regions().forEach(region -> regions.add(key(region)));
        event.programs().forEach(program -> programs.add(key(program)));
    }
}
