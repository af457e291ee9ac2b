package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.CurationApproach;
import org.partnershipledger.events.program.ModuleId;

/** Records content a business unit customised or sourced to fill a gap of the program, and why it fits. */
public record CurateContent(@TargetAggregateIdentifier ProgramId programId, String curationId,
                            CurationApproach approach, String title, String uri, String provider,
                            String businessUnit, String curator, String gap, ModuleId moduleId, String rationale,
                            String reason, List<Evidence> evidence, String decisionRef,
                            @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {
}
