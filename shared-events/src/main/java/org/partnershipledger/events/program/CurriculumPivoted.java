package org.partnershipledger.events.program;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The curriculum changed direction: version fromVersion became toVersion, with reason, trigger, what changed and
 * who approved. modules is the resulting curriculum.
 * <p>{@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record CurriculumPivoted(ProgramId programId, int fromVersion, int toVersion, String reason,
                                PivotTrigger trigger, List<CurriculumModule> addedModules,
                                List<ModuleId> removedModules, String approvedBy, LocalDate effectiveFrom,
                                List<CurriculumModule> modules, List<Evidence> evidence,
                                String decisionRef) implements ProgramEvent {

    public CurriculumPivoted {
        addedModules = addedModules == null ? List.of() : List.copyOf(addedModules);
        removedModules = removedModules == null ? List.of() : List.copyOf(removedModules);
        modules = modules == null ? List.of() : List.copyOf(modules);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public CurriculumPivoted(ProgramId programId, int fromVersion, int toVersion, String reason, PivotTrigger trigger,
            List<CurriculumModule> addedModules, List<ModuleId> removedModules, String approvedBy,
            LocalDate effectiveFrom, List<CurriculumModule> modules) {
        this(programId, fromVersion, toVersion, reason, trigger, addedModules, removedModules, approvedBy,
                effectiveFrom, modules, List.of(), null);
    }
}
