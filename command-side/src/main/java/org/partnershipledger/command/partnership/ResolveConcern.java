package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;

public record ResolveConcern(@TargetAggregateIdentifier PartnershipId partnershipId, String concernId,
                             String resolution,
                             @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand {
}
