package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.partnership.PartnershipId;

/**
 * A learning program was proposed inside a partnership, with curriculum version 1 made of {@code modules}.
 * {@code kpiTargets} are the ids of the partnership KPIs the program is meant to move.
 */
@Revision("1")
public record ProgramProposed(ProgramId programId, PartnershipId partnershipId, String title,
                              List<String> objectives, String audience, List<String> kpiTargets,
                              List<CurriculumModule> modules, int curriculumVersion) implements ProgramEvent {

    public ProgramProposed {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        kpiTargets = kpiTargets == null ? List.of() : List.copyOf(kpiTargets);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
