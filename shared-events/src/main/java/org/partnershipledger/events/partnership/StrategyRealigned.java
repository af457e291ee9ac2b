package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The partnership's vision and KPIs were re-aligned: a change of direction, with its reason.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record StrategyRealigned(PartnershipId partnershipId, String vision, List<Kpi> kpis, String reason,
                                List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public StrategyRealigned {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public StrategyRealigned(PartnershipId partnershipId, String vision, List<Kpi> kpis, String reason) {
        this(partnershipId, vision, kpis, reason, List.of(), null);
    }
}
