package org.partnershipledger.command.partnership;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnershipledger.events.partnership.PartnershipId;

/** The partnership registry as program fixtures need it: partnerships known by id, with KPIs, maybe ended. */
public class FakePartnershipStatus implements PartnershipStatus {

    private final Map<PartnershipId, Known> known = new HashMap<>();

    public FakePartnershipStatus with(PartnershipId id, String... kpiIds) {
        known.put(id, new Known(Set.of(kpiIds), false));
        return this;
    }

    public void end(PartnershipId id) {
        known.put(id, new Known(known.get(id).kpiIds(), true));
    }

    /** The partnership held a business review for {@code period} (a decisionRef may name it). */
    public FakePartnershipStatus reviewed(PartnershipId id, String period) {
        Known k = known.get(id);
        Set<String> periods = new java.util.HashSet<>(k.reviewedPeriods());
        periods.add(period);
        known.put(id, new Known(k.kpiIds(), k.ended(), Set.copyOf(periods), k.steeringMembers()));
        return this;
    }

    @Override
    public Optional<Known> lookUp(PartnershipId partnershipId) {
        return Optional.ofNullable(known.get(partnershipId));
    }
}
