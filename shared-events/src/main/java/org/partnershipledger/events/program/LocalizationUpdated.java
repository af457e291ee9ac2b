package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A localisation was reworked, with its reason and what changed: it now has these time zone and adaptations, and
 * adapts core version {@code coreVersion}.
 */
@Revision("1")
public record LocalizationUpdated(ProgramId programId, String localizationId, String region, String language,
                                  String timeZone, List<String> adaptations, List<String> changes, String reason,
                                  int fromCoreVersion, int coreVersion, List<Evidence> evidence,
                                  String decisionRef) implements ProgramEvent {

    public LocalizationUpdated {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
        changes = changes == null ? List.of() : List.copyOf(changes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
