package org.partnershipledger.command.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;

/**
 * Raises a concern. {@code concerning} is the partner organisation a manager says it is about (optional, from the
 * body); {@code partnerOrganizationId} is set (from the principal, never from a body) when a partner raises it, and
 * then the concern is that partner's own.
 */
public record RaiseConcern(@TargetAggregateIdentifier PartnershipId partnershipId, String concernId, Side raisedBy,
                           String subject, String description, String concerning, String partnerOrganizationId,
                           String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public RaiseConcern(PartnershipId partnershipId, String concernId, Side raisedBy, String subject,
            String description, String concerning, String partnerOrganizationId, Long expectedVersion) {
        this(partnershipId, concernId, raisedBy, subject, description, concerning, partnerOrganizationId, null,
                expectedVersion);
    }
}
