package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A regional adaptation on top of the unchanged core curriculum. */
@Revision("1")
public record ProgramLocalized(ProgramId programId, String localizationId, String region, String language,
                               String timeZone, List<String> adaptations) implements ProgramEvent {

    public ProgramLocalized {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }
}
