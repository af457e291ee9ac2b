package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** A curation no longer serves the program, with the reason; it stays in the history. */
@Revision("1")
public record CurationRetired(ProgramId programId, String curationId, String reason, List<Evidence> evidence,
                              String decisionRef) implements ProgramEvent {

    public CurationRetired {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
