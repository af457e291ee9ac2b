package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Scores a selected partner's performance for a period, 1 to 5 on each dimension; one per partner and period. */
public record RecordPartnerReview(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                                  String period, Integer quality, Integer onTimeDelivery, Integer budget,
                                  Integer facilitationQuality, String comment, List<Evidence> evidence,
                                  String decisionRef, String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
