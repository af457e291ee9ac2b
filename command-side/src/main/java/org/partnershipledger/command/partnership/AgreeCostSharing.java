package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.PartnershipId;

public record AgreeCostSharing(@TargetAggregateIdentifier PartnershipId partnershipId, String currency,
                               BigDecimal totalBudget, List<CostShare> shares, String reason,
                               @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    public AgreeCostSharing {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }
}
