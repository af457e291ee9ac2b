package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** A business unit of the current cost split accepts its share; acceptedBy names the person. */
public record AcceptCostShare(@TargetAggregateIdentifier PartnershipId partnershipId, String businessUnit,
                              String acceptedBy, List<Evidence> evidence, String decisionRef, String reason,
                              @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
