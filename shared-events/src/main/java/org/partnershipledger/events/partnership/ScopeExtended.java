package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** The partnership grew: new regions and/or programs (by name or id) came into its scope, with the reason. */
@Revision("1")
public record ScopeExtended(PartnershipId partnershipId, List<String> regions, List<String> programs, String reason,
                            List<Evidence> evidence, String decisionRef) implements PartnershipEvent {

    public ScopeExtended {
        regions = regions == null ? List.of() : List.copyOf(regions);
        programs = programs == null ? List.of() : List.copyOf(programs);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
