package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * An impact record was withdrawn (corrections never delete), with the reason.
 * {@code evidence} and {@code decisionRef} (the period of the business review that took the decision)
 * are optional; an event stored before they existed reads with none.
 */
@Revision("1")
public record ImpactWithdrawn(ProgramId programId, String impactId, String reason, List<Evidence> evidence,
                              String decisionRef) implements ProgramEvent {

    public ImpactWithdrawn {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** As recorded before decisions carried evidence and a decisionRef. */
    public ImpactWithdrawn(ProgramId programId, String impactId, String reason) {
        this(programId, impactId, reason, List.of(), null);
    }
}
