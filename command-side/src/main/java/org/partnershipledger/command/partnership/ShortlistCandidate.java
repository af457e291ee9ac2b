package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnershipId;

public record ShortlistCandidate(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                                 String organizationId, String name, PartnerRole role,
                                 @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand {
}
