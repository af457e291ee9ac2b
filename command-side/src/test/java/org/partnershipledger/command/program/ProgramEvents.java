package org.partnershipledger.command.program;

import java.util.List;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;

/** A program's life as given/when material for fixtures. */
final class ProgramEvents {

    static final PartnershipId PARTNERSHIP = new PartnershipId("p-1");
    static final ProgramId ID = new ProgramId("prog-1");
    static final CurriculumModule DISCOVERY = new CurriculumModule(new ModuleId("m-1"), "Discovery");
    static final CurriculumModule OBJECTIONS = new CurriculumModule(new ModuleId("m-2"), "Handling objections");

    private ProgramEvents() {
    }

    static ProgramProposed proposed() {
        return new ProgramProposed(ID, PARTNERSHIP, "Consultative selling", List.of("Ask better questions"),
                "New sales reps", List.of("ttq"), List.of(DISCOVERY, OBJECTIONS), 1);
    }

    static ProgramApproved approved() {
        return new ProgramApproved(ID, "Head of Sales");
    }

    static CohortScheduled cohort(String cohortId, int participants) {
        return new CohortScheduled(ID, cohortId, "EMEA", java.time.LocalDate.parse("2026-09-01"), participants);
    }
}
