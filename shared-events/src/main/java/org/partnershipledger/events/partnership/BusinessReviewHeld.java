package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A business review was held for a period, with its attendees, decisions and actions. */
@Revision("1")
public record BusinessReviewHeld(PartnershipId partnershipId, String period, List<String> attendees,
                                 List<String> decisions, List<String> actions) implements PartnershipEvent {

    public BusinessReviewHeld {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
