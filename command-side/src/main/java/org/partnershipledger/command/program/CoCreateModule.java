package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;

public record CoCreateModule(@TargetAggregateIdentifier ProgramId programId, ModuleId moduleId, String title,
                             List<String> clientSmes, List<String> partnerDesigners, String reason,
                             @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {

    public CoCreateModule {
        clientSmes = clientSmes == null ? List.of() : List.copyOf(clientSmes);
        partnerDesigners = partnerDesigners == null ? List.of() : List.copyOf(partnerDesigners);
    }

    /** Without a reason (optional for this command). */
    public CoCreateModule(ProgramId programId, ModuleId moduleId, String title, List<String> clientSmes,
            List<String> partnerDesigners, Long expectedVersion) {
        this(programId, moduleId, title, clientSmes, partnerDesigners, null, expectedVersion);
    }
}
