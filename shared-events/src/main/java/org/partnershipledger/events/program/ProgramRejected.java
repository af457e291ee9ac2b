package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The program was rejected, with its reason.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record ProgramRejected(ProgramId programId, String reason, List<Evidence> evidence,
                              String decisionRef) implements ProgramEvent {

    public ProgramRejected {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public ProgramRejected(ProgramId programId, String reason) {
        this(programId, reason, List.of(), null);
    }
}
