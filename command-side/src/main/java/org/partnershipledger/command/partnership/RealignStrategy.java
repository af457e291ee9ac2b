package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;

public record RealignStrategy(@TargetAggregateIdentifier PartnershipId partnershipId, String vision,
                              List<Kpi> kpis, String reason,
                              @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    public RealignStrategy {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }
}
