package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;

/** Raises a concern; {@code partnerOrganizationId} is set (from the principal, never from a body) when a partner raises it. */
public record RaiseConcern(@TargetAggregateIdentifier PartnershipId partnershipId, String concernId, Side raisedBy,
                           String subject, String description, String partnerOrganizationId,
                           @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand {
}
