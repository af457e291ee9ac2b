package org.partnershipledger.command.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.platform.web.ProblemCode;

/** How a pivot turns one curriculum version into the next. */
final class Curriculum {

    private Curriculum() {
    }

    /** The modules of the next version: removed ones taken out, added ones appended, order kept. */
    static List<CurriculumModule> pivot(List<CurriculumModule> current, List<CurriculumModule> add,
                                        List<ModuleId> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PIVOT_CHANGES_NOTHING,
                    "A pivot adds or removes at least one module");
        }
        Set<ModuleId> present = current.stream().map(CurriculumModule::moduleId).collect(Collectors.toSet());
        List<ModuleId> unknown = remove.stream().filter(id -> !present.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_MODULE,
                    "Not in the current curriculum: " + unknown);
        }
        if (add.stream().anyMatch(module -> module.title() == null || module.title().isBlank())) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "Added modules need a title");
        }
        List<CurriculumModule> next = new ArrayList<>(current);
        next.removeIf(module -> remove.contains(module.moduleId()));
        next.addAll(add);
        if (next.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CURRICULUM_WOULD_BE_EMPTY,
                    "A curriculum keeps at least one module");
        }
        return next;
    }
}
