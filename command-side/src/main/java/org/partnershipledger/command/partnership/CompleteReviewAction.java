package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Marks a business review action done, with an optional note and evidence. */
public record CompleteReviewAction(@TargetAggregateIdentifier PartnershipId partnershipId, String actionId,
                                   String note, List<Evidence> evidence, String decisionRef, String reason,
                                   @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
