package org.partnershipledger.command.partnership;

import java.util.Optional;
import java.util.Set;
import org.partnershipledger.events.partnership.PartnershipId;

/**
 * What other command handlers may know of a partnership, without loading it: the cross-aggregate rules of
 * programs are checked here ("the partnership exists", "it has not ended", "this KPI is one of its KPIs").
 */
public interface PartnershipStatus {

    /**
     * A partnership as program commands see it: its KPI ids, whether it ended, the periods of the business reviews
     * held in it (a decisionRef names one), and the steering members of its charter (an approver must be one).
     */
    record Known(Set<String> kpiIds, boolean ended, Set<String> reviewedPeriods, Set<String> steeringMembers) {

        public Known(Set<String> kpiIds, boolean ended) {
            this(kpiIds, ended, Set.of(), Set.of());
        }
    }

    /**
     * The partnership's status, read so that a concurrent end of the partnership waits for the reader's
     * transaction (and vice versa): a program change and the end of its partnership never interleave.
     */
    Optional<Known> lookUp(PartnershipId partnershipId);
}
