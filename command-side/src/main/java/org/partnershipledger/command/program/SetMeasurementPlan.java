package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.PlannedMeasure;

/** Sets the program's whole measurement plan; replacing one already set is a change of direction (reason). */
public record SetMeasurementPlan(@TargetAggregateIdentifier ProgramId programId, List<PlannedMeasure> levels,
                                 String reason, List<Evidence> evidence, String decisionRef,
                                 @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public SetMeasurementPlan {
        levels = levels == null ? List.of() : levels.stream().toList();
    }
}
