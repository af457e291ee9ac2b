package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.PartnershipId;

public record AgreeCostSharing(@TargetAggregateIdentifier PartnershipId partnershipId, String currency,
                               BigDecimal totalBudget, List<CostShare> shares, String reason, List<Evidence> evidence,
                               String decisionRef, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public AgreeCostSharing {
        shares = shares == null ? List.of() : List.copyOf(shares);
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public AgreeCostSharing(PartnershipId partnershipId, String currency, BigDecimal totalBudget,
            List<CostShare> shares, String reason, Long expectedVersion) {
        this(partnershipId, currency, totalBudget, shares, reason, List.of(), null, expectedVersion);
    }
}
