package org.partnershipledger.query.program;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;

/**
 * How far each localisation of a program has drifted from the core: the core version it adapts against the
 * current one, and the core modules added and removed since its version (the net difference of the two versions'
 * modules, from the curriculum's history). A localisation behind the core needs review until it is re-confirmed or
 * updated. Worked out as it is read, from the view's own curriculum history, so it is never stale.
 */
public final class LocalizationDrift {

    private LocalizationDrift() {
    }

    /** The program's localisations with their drift filled in; needs the view's whole curriculum history. */
    public static List<ProgramView.Localization> of(ProgramView program) {
        int current = program.curriculum.version();
        return program.localizations.stream().map(l -> {
            int adapted = l.coreVersion() != null ? l.coreVersion() : versionAt(program, l);
            Set<ModuleId> then = moduleIds(modulesOf(program, adapted));
            Set<ModuleId> now = moduleIds(program.curriculum.modules());
            List<CurriculumModule> added = program.curriculum.modules().stream()
                    .filter(m -> !then.contains(m.moduleId())).toList();
            List<CurriculumModule> removed = modulesOf(program, adapted).stream()
                    .filter(m -> !now.contains(m.moduleId())).toList();
            int behind = Math.max(0, current - adapted);
            return new ProgramView.Localization(l.localizationId(), l.region(), l.language(), l.timeZone(),
                    l.adaptations(), l.at(), adapted, l.lastReview(), current, behind, behind > 0, added, removed);
        }).toList();
    }

    /** A localisation from a document stored before it named its core version: the version in force when made. */
    private static int versionAt(ProgramView program, ProgramView.Localization localization) {
        return program.curriculumHistory.stream()
                .filter(v -> v.at() == null || !v.at().isAfter(localization.at()))
                .map(ProgramView.CurriculumVersion::version).max(Comparator.naturalOrder()).orElse(1);
    }

    private static List<CurriculumModule> modulesOf(ProgramView program, int version) {
        if (version == program.curriculum.version()) {
            return program.curriculum.modules();
        }
        return program.curriculumHistory.stream().filter(v -> v.version() == version).findFirst()
                .map(ProgramView.CurriculumVersion::modules).orElse(List.of());
    }

    private static Set<ModuleId> moduleIds(List<CurriculumModule> modules) {
        return modules.stream().map(CurriculumModule::moduleId).collect(Collectors.toSet());
    }
}
