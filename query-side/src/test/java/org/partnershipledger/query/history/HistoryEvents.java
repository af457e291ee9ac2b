package org.partnershipledger.query.history;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;

/** Events as the command side stores them, for feeding the query side in tests. */
final class HistoryEvents {

    private HistoryEvents() {
    }

    static DomainEventMessage<PartnershipOpened> opened(String partnershipId, String actor, String reason) {
        return new GenericDomainEventMessage<>("Partnership", partnershipId, 0,
                new PartnershipOpened(new PartnershipId(partnershipId), "Field sales academy", "Acme Retail",
                        "Reps productive in 90 days", List.of()),
                MetaData.with("actor", actor).and("reason", reason).and("correlationId", "req-1")
                        .and("causationId", "cmd-1"));
    }

    static DomainEventMessage<ProgramProposed> proposed(String programId, String partnershipId, String actor) {
        return new GenericDomainEventMessage<>("Program", programId, 0,
                new ProgramProposed(new ProgramId(programId), new PartnershipId(partnershipId), "Consultative selling",
                        List.of(), "New reps", List.of(), List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")),
                        1),
                MetaData.with("actor", actor).and("reason", "First cohort").and("correlationId", "req-2")
                        .and("causationId", "cmd-2"));
    }

    /** A later program event the history knows only through the program's partnership. */
    static DomainEventMessage<String> laterProgramEvent(String programId, long sequence) {
        return new GenericDomainEventMessage<>("Program", programId, sequence, "something happened",
                MetaData.with("actor", "carol"));
    }
}
