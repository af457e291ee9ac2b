package org.partnershipledger.command.partnership;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnershipledger.events.partnership.PartnershipId;

/**
 * The partnership registry as program fixtures need it: partnerships known by id, with KPIs, maybe ended, with the
 * periods of the reviews held and the steering members of the charter (by default "Head of Sales" and "CLO").
 */
public class FakePartnershipStatus implements PartnershipStatus {

    public static final Set<String> STEERING = Set.of("Head of Sales", "CLO");

    private final Map<PartnershipId, Known> known = new HashMap<>();

    public FakePartnershipStatus with(PartnershipId id, String... kpiIds) {
        known.put(id, new Known(Set.of(kpiIds), false, Set.of(), STEERING));
        return this;
    }

    public void end(PartnershipId id) {
        Known was = known.get(id);
        known.put(id, new Known(was.kpiIds(), true, was.reviewedPeriods(), was.steeringMembers()));
    }

    /** A business review was held for {@code period}. */
    public FakePartnershipStatus reviewed(PartnershipId id, String period) {
        Known was = known.get(id);
        Set<String> periods = new HashSet<>(was.reviewedPeriods());
        periods.add(period);
        known.put(id, new Known(was.kpiIds(), was.ended(), Set.copyOf(periods), was.steeringMembers()));
        return this;
    }

    /** The partnership has no governance charter (yet). */
    public FakePartnershipStatus withoutCharter(PartnershipId id) {
        Known was = known.get(id);
        known.put(id, new Known(was.kpiIds(), was.ended(), was.reviewedPeriods(), Set.of()));
        return this;
    }

    @Override
    public Optional<Known> lookUp(PartnershipId partnershipId) {
        return Optional.ofNullable(known.get(partnershipId));
    }
}
