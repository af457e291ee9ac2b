package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

/** Re-confirms a localisation against the current core curriculum, as it is (reason optional). */
public record ConfirmLocalization(@TargetAggregateIdentifier ProgramId programId, String localizationId,
                                  String reason, List<Evidence> evidence, String decisionRef,
                                  @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {
}
