package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiRule;

/**
 * Says which learning records are the program's and which figures they feed; replacing a mapping is a change of
 * direction (reason), since it decides what becomes evidence.
 */
public record SetXapiMapping(@TargetAggregateIdentifier ProgramId programId, List<String> activityIds,
                             List<String> contextActivityIds, List<XapiRule> rules, String reason,
                             @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public SetXapiMapping {
        activityIds = activityIds == null ? List.of() : activityIds.stream().toList();
        contextActivityIds = contextActivityIds == null ? List.of() : contextActivityIds.stream().toList();
        rules = rules == null ? List.of() : rules.stream().toList();
    }
}
