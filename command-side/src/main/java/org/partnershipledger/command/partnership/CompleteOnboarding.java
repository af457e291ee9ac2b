package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;

public record CompleteOnboarding(@TargetAggregateIdentifier PartnershipId partnershipId, String summary,
                                 String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public CompleteOnboarding(PartnershipId partnershipId, String summary, Long expectedVersion) {
        this(partnershipId, summary, null, expectedVersion);
    }
}
