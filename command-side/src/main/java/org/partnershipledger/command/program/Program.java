package org.partnershipledger.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;

/** A learning program inside a partnership, with a versioned curriculum. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "programSnapshots")
class Program {

    @AggregateIdentifier
    private ProgramId programId;
    private PartnershipId partnershipId;
    private int curriculumVersion;

    Program() {
        // for Axon: rebuilt from its events
    }

    /** Created by {@link ProgramProposals} once the partnership has been checked. */
    Program(ProposeProgram command) {
        apply(new ProgramProposed(command.programId(), command.partnershipId(), command.title().trim(),
                command.objectives(), command.audience(), command.kpiTargets(), command.modules(), 1));
    }

    @EventSourcingHandler
    void on(ProgramProposed event) {
        programId = event.programId();
        partnershipId = event.partnershipId();
        curriculumVersion = event.curriculumVersion();
    }
}
