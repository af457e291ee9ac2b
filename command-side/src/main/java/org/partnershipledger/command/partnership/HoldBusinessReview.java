package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.partnership.PartnershipId;

public record HoldBusinessReview(@TargetAggregateIdentifier PartnershipId partnershipId, String period,
                                 List<String> attendees, List<String> decisions, List<String> actions, String reason,
                                 @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    public HoldBusinessReview {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Without a reason (optional for this command). */
    public HoldBusinessReview(PartnershipId partnershipId, String period, List<String> attendees,
            List<String> decisions, List<String> actions, Long expectedVersion) {
        this(partnershipId, period, attendees, decisions, actions, null, expectedVersion);
    }
}
