package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnershipId;

public record AssessDueDiligence(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                                 DueDiligenceCriterion criterion, Integer score, String evidence,
                                 @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand {
}
