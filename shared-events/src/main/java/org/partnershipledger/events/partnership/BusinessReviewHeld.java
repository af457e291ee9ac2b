package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A business review was held for a period, with its attendees, decisions and the actions it took. Revision 2: each
 * action is a tracked {@link ReviewAction} (revision 1 held descriptions only; an upcaster reads those as actions
 * {@code <period>-<n>} with no owner or due date).
 */
@Revision("2")
public record BusinessReviewHeld(PartnershipId partnershipId, String period, List<String> attendees,
                                 List<String> decisions, List<ReviewAction> actions) implements PartnershipEvent {

    public BusinessReviewHeld {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
