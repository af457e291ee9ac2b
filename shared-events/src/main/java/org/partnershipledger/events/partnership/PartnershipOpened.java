package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A partnership was opened: the client organisation and its shared vision, tied to business KPIs.
 * The partnership starts in the SELECTION stage. Who opened it and why travel in the event's metadata.
 */
@Revision("1")
public record PartnershipOpened(PartnershipId partnershipId, String name, String client, String vision,
                                List<Kpi> kpis) implements PartnershipEvent {

    public PartnershipOpened {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }
}
