package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

/**
 * Reworks a localisation for the current core curriculum: its adaptations (the whole new list), optionally a new
 * time zone, what changed (adaptations and time zone left out stay as they were), and why (required).
 */
public record UpdateLocalization(@TargetAggregateIdentifier ProgramId programId, String localizationId,
                                 String timeZone, List<String> adaptations, List<String> changes, String reason,
                                 List<Evidence> evidence, String decisionRef,
                                 @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public UpdateLocalization {
        adaptations = adaptations == null ? null : adaptations.stream().toList();
        changes = changes == null ? List.of() : changes.stream().toList();
    }
}
