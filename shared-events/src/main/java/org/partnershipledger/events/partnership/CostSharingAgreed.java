package org.partnershipledger.events.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The split of the partnership's cost among business units was agreed (or re-split), with its reason. */
@Revision("1")
public record CostSharingAgreed(PartnershipId partnershipId, String currency, BigDecimal totalBudget,
                                List<CostShare> shares, String reason) implements PartnershipEvent {

    public CostSharingAgreed {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }
}
