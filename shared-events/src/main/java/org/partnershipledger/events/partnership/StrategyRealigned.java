package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The partnership's vision and KPIs were re-aligned: a change of direction, with its reason. */
@Revision("1")
public record StrategyRealigned(PartnershipId partnershipId, String vision, List<Kpi> kpis, String reason) implements PartnershipEvent {

    public StrategyRealigned {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }
}
