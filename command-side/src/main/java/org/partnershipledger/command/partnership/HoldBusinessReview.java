package org.partnershipledger.command.partnership;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;

/** Records a business review; each action it takes is tracked, and numbered {@code <period>-<n>} in this order. */
public record HoldBusinessReview(@TargetAggregateIdentifier PartnershipId partnershipId, String period,
                                 List<String> attendees, List<String> decisions, List<Action> actions, String reason,
                                 @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** An action as the review takes it: what, which side owns it, who, by when. */
    public record Action(String description, Side ownerSide, String owner, LocalDate dueDate) {
    }

    public HoldBusinessReview {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Without a reason (optional for this command). */
    public HoldBusinessReview(PartnershipId partnershipId, String period, List<String> attendees,
            List<String> decisions, List<Action> actions, Long expectedVersion) {
        this(partnershipId, period, attendees, decisions, actions, null, expectedVersion);
    }
}
