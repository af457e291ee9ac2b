package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A selected partner's performance for a period (a quarter or a month), each dimension scored 1 to 5: quality,
 * on-time delivery, budget, and facilitation quality.
 */
@Revision("1")
public record PartnerReviewRecorded(PartnershipId partnershipId, String partnerId, String organizationId,
                                    String period, int quality, int onTimeDelivery, int budget,
                                    int facilitationQuality, String comment, List<Evidence> evidence,
                                    String decisionRef) implements PartnershipEvent {

    public PartnerReviewRecorded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
