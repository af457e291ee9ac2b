package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * Learning records show the curated content in use: a business unit sourcing or customising it (for example
 * statements from the LRS whose object is the curated course). {@code evidence} names them (XAPI_STATEMENT ids).
 */
@Revision("1")
public record CurationUseRecorded(ProgramId programId, String curationId, List<Evidence> evidence)
        implements ProgramEvent {

    public CurationUseRecorded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
