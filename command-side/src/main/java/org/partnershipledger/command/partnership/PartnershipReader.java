package org.partnershipledger.command.partnership;

import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.partnershipledger.events.partnership.PartnershipId;
import org.springframework.stereotype.Component;

/**
 * Lets other command handlers consult a partnership's current state, loaded from its events, without changing
 * it. The only door into the partnership package from outside.
 */
@Component
public class PartnershipReader {

    private final Repository<Partnership> partnerships;

    PartnershipReader(Repository<Partnership> partnerships) {
        this.partnerships = partnerships;
    }

    public boolean exists(PartnershipId id) {
        return kpiIds(id).isPresent();
    }

    /** The partnership's KPI ids, or empty when there is no such partnership. */
    public Optional<Set<String>> kpiIds(PartnershipId id) {
        try {
            return Optional.of(partnerships.load(id.value()).invoke(Partnership::kpiIds));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
