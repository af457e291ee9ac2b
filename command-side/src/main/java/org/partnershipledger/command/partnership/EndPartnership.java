package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

public record EndPartnership(@TargetAggregateIdentifier PartnershipId partnershipId, String reason,
                             List<Evidence> evidence, String decisionRef,
                             @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public EndPartnership {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public EndPartnership(PartnershipId partnershipId, String reason, Long expectedVersion) {
        this(partnershipId, reason, List.of(), null, expectedVersion);
    }
}
