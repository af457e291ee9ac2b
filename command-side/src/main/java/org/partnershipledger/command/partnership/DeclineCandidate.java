package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;

/** Declines a shortlisted candidate that was not selected (a change of direction: reason required). */
public record DeclineCandidate(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                               String reason,
                               @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
