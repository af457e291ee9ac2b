package org.partnershipledger.events.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * Money actually spent by a business unit of the cost split, in the split's currency, for a period (a quarter or
 * a month), held against its budgeted share.
 */
@Revision("1")
public record SpendRecorded(PartnershipId partnershipId, String spendId, String businessUnit, String currency,
                            BigDecimal amount, String period, String description, List<Evidence> evidence,
                            String decisionRef) implements PartnershipEvent {

    public SpendRecorded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
