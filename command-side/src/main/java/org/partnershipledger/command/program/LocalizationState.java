package org.partnershipledger.command.program;

import java.util.List;

/** What a program remembers of one localisation: where, what it adapts, and which core version it adapts. */
record LocalizationState(String region, String language, String timeZone, List<String> adaptations,
                         int coreVersion) {

    LocalizationState {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }
}
