package org.partnershipledger.command.program;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;

public record PivotCurriculum(@TargetAggregateIdentifier ProgramId programId, String reason, PivotTrigger trigger,
                              List<CurriculumModule> addModules, List<ModuleId> removeModules, String approvedBy,
                              LocalDate effectiveFrom, List<Evidence> evidence, String decisionRef,
                              @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, DecisionCommand {

    public PivotCurriculum {
        addModules = addModules == null ? List.of() : List.copyOf(addModules);
        removeModules = removeModules == null ? List.of() : List.copyOf(removeModules);
        evidence = DecisionCommand.given(evidence);
    }

    /** Without the evidence and decisionRef a decision may carry. */
    public PivotCurriculum(ProgramId programId, String reason, PivotTrigger trigger, List<CurriculumModule> addModules,
            List<ModuleId> removeModules, String approvedBy, LocalDate effectiveFrom, Long expectedVersion) {
        this(programId, reason, trigger, addModules, removeModules, approvedBy, effectiveFrom, List.of(), null,
                expectedVersion);
    }
}
