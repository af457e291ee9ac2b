package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;

public record OpenPartnership(@TargetAggregateIdentifier PartnershipId partnershipId, String name, String client,
                              String vision, List<Kpi> kpis, String reason)
        implements PartnershipCommand, ReasonedCommand {

    public OpenPartnership {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }
}
