package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;

public record ResolveConcern(@TargetAggregateIdentifier PartnershipId partnershipId, String concernId,
                             String resolution, String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public ResolveConcern(PartnershipId partnershipId, String concernId, String resolution, Long expectedVersion) {
        this(partnershipId, concernId, resolution, null, expectedVersion);
    }
}
