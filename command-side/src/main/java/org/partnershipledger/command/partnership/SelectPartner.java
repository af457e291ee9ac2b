package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

public record SelectPartner(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId, String reason,
                            List<Evidence> evidence, String decisionRef, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public SelectPartner {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public SelectPartner(PartnershipId partnershipId, String partnerId, String reason, Long expectedVersion) {
        this(partnershipId, partnerId, reason, List.of(), null, expectedVersion);
    }
}
