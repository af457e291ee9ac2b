package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnershipId;

public record ShortlistCandidate(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                                 String organizationId, String name, PartnerRole role, String reason,
                                 @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public ShortlistCandidate(PartnershipId partnershipId, String partnerId, String organizationId, String name,
            PartnerRole role, Long expectedVersion) {
        this(partnershipId, partnerId, organizationId, name, role, null, expectedVersion);
    }
}
