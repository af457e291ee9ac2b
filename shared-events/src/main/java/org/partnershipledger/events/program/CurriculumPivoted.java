package org.partnershipledger.events.program;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The curriculum changed direction: version fromVersion became toVersion, with reason, trigger, what changed and
 * who approved. modules is the resulting curriculum.
 */
@Revision("1")
public record CurriculumPivoted(ProgramId programId, int fromVersion, int toVersion, String reason,
                                PivotTrigger trigger, List<CurriculumModule> addedModules,
                                List<ModuleId> removedModules, String approvedBy, LocalDate effectiveFrom,
                                List<CurriculumModule> modules) implements ProgramEvent {

    public CurriculumPivoted {
        addedModules = addedModules == null ? List.of() : List.copyOf(addedModules);
        removedModules = removedModules == null ? List.of() : List.copyOf(removedModules);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
