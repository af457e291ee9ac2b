package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** A selected partner leaves the coalition (a change of direction: reason required). */
public record OffboardPartner(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId, String reason,
                              List<Evidence> evidence, String decisionRef,
                              @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public OffboardPartner {
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public OffboardPartner(PartnershipId partnershipId, String partnerId, String reason, Long expectedVersion) {
        this(partnershipId, partnerId, reason, List.of(), null, expectedVersion);
    }
}
