package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A regional adaptation on top of the unchanged core curriculum, adapting core version {@code coreVersion}. An event
 * stored before localisations carried it has none (null): it adapts the version in force when it was recorded.
 */
@Revision("1")
public record ProgramLocalized(ProgramId programId, String localizationId, String region, String language,
                               String timeZone, List<String> adaptations, Integer coreVersion)
        implements ProgramEvent {

    public ProgramLocalized {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }

    /** A localisation as recorded before it named its core version. */
    public ProgramLocalized(ProgramId programId, String localizationId, String region, String language,
                            String timeZone, List<String> adaptations) {
        this(programId, localizationId, region, language, timeZone, adaptations, null);
    }
}
