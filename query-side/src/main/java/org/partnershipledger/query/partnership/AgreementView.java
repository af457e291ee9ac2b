package org.partnershipledger.query.partnership;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.partnershipledger.events.common.Evidence;

/**
 * The partnership's agreement: its current term and renewal date, each renewal, and the decision not to renew.
 * {@code status} is not stored: IN_FORCE, RENEWAL_DUE (the renewal date is at most 90 days away, or passed),
 * NOT_RENEWED (running to its end) or EXPIRED (its term has ended), as of the day it is read.
 */
public class AgreementView {

    static final int RENEWAL_DUE_DAYS = 90;

    public LocalDate termStart;
    public LocalDate termEnd;
    public LocalDate renewalDate;
    public Instant signedAt;
    public List<Evidence> evidence = List.of();
    public String decisionRef;
    public List<Renewal> renewals = new ArrayList<>();
    public String notRenewedReason;
    public Instant notRenewedAt;
    /** As of the day it is read (set when read, never stored). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String status;

    public record Renewal(LocalDate previousTermEnd, LocalDate termEnd, LocalDate renewalDate, String reason,
                          List<Evidence> evidence, String decisionRef, Instant renewedAt) {
    }

    String statusOn(LocalDate day) {
        if (day.isAfter(termEnd)) {
            return "EXPIRED";
        }
        if (notRenewedAt != null) {
            return "NOT_RENEWED";
        }
        return day.isBefore(renewalDate.minusDays(RENEWAL_DUE_DAYS)) ? "IN_FORCE" : "RENEWAL_DUE";
    }
}
