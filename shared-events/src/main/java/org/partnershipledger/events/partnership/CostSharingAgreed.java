package org.partnershipledger.events.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The split of the partnership's cost among business units was agreed (or re-split), with its reason.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record CostSharingAgreed(PartnershipId partnershipId, String currency, BigDecimal totalBudget,
                                List<CostShare> shares, String reason, List<Evidence> evidence,
                                String decisionRef) implements PartnershipEvent {

    public CostSharingAgreed {
        shares = shares == null ? List.of() : List.copyOf(shares);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public CostSharingAgreed(PartnershipId partnershipId, String currency, BigDecimal totalBudget,
            List<CostShare> shares, String reason) {
        this(partnershipId, currency, totalBudget, shares, reason, List.of(), null);
    }
}
