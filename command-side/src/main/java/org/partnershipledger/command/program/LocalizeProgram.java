package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ProgramId;

public record LocalizeProgram(@TargetAggregateIdentifier ProgramId programId, String localizationId, String region,
                              String language, String timeZone, List<String> adaptations, String reason,
                              @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public LocalizeProgram {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }

    /** Without a reason (optional for this command). */
    public LocalizeProgram(ProgramId programId, String localizationId, String region, String language, String timeZone,
            List<String> adaptations, Long expectedVersion) {
        this(programId, localizationId, region, language, timeZone, adaptations, null, expectedVersion);
    }
}
