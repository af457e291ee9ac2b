package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Drops a business review action (a change of direction: reason required). */
public record DropReviewAction(@TargetAggregateIdentifier PartnershipId partnershipId, String actionId,
                               List<Evidence> evidence, String decisionRef, String reason,
                               @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
