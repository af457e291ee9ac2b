package org.partnershipledger.command.partnership;

import java.util.Optional;
import java.util.Set;
import org.partnershipledger.events.partnership.PartnershipId;

/**
 * What other command handlers may know of a partnership, without loading it: the cross-aggregate rules of
 * programs are checked here ("the partnership exists", "it has not ended", "this KPI is one of its KPIs").
 */
public interface PartnershipStatus {

    /** A partnership as program commands see it. */
    record Known(Set<String> kpiIds, boolean ended) {
    }

    /**
     * The partnership's status, read so that a concurrent end of the partnership waits for the reader's
     * transaction (and vice versa): a program change and the end of its partnership never interleave.
     */
    Optional<Known> lookUp(PartnershipId partnershipId);
}
