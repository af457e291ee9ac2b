package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** A localisation was reviewed against the core and holds as it is: it now adapts core version {@code coreVersion}. */
@Revision("1")
public record LocalizationConfirmed(ProgramId programId, String localizationId, String region, String language,
                                    int fromCoreVersion, int coreVersion, List<Evidence> evidence,
                                    String decisionRef) implements ProgramEvent {

    public LocalizationConfirmed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
