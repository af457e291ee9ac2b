package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A business unit filled a gap of the program with content it customised or sourced: what (title, optional http(s)
 * URI, provider), by whom (the business unit and its curator), for which gap (optionally a module of the
 * curriculum), and why it fits.
 */
@Revision("1")
public record ContentCurated(ProgramId programId, String curationId, CurationApproach approach, String title,
                             String uri, String provider, String businessUnit, String curator, String gap,
                             ModuleId moduleId, String rationale, List<Evidence> evidence,
                             String decisionRef) implements ProgramEvent {

    public ContentCurated {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
