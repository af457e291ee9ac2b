package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;

public record RealignStrategy(@TargetAggregateIdentifier PartnershipId partnershipId, String vision, List<Kpi> kpis,
                              String reason, List<Evidence> evidence, String decisionRef,
                              @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, DecisionCommand {

    public RealignStrategy {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public RealignStrategy(PartnershipId partnershipId, String vision, List<Kpi> kpis, String reason,
            Long expectedVersion) {
        this(partnershipId, vision, kpis, reason, List.of(), null, expectedVersion);
    }
}
