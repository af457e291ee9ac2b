package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ProgramId;

public record ProposeProgram(@TargetAggregateIdentifier ProgramId programId, PartnershipId partnershipId,
                             String title, List<String> objectives, String audience, List<String> kpiTargets,
                             List<CurriculumModule> modules, String reason) implements ProgramCommand, ReasonedCommand {

    public ProposeProgram {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        kpiTargets = kpiTargets == null ? List.of() : List.copyOf(kpiTargets);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
