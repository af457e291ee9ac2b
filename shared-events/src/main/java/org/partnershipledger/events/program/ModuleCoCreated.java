package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A module was designed jointly by client subject-matter experts and partner learning designers and added to the
 * curriculum.
 */
@Revision("1")
public record ModuleCoCreated(ProgramId programId, ModuleId moduleId, String title, List<String> clientSmes,
                              List<String> partnerDesigners, int curriculumVersion) implements ProgramEvent {

    public ModuleCoCreated {
        clientSmes = clientSmes == null ? List.of() : List.copyOf(clientSmes);
        partnerDesigners = partnerDesigners == null ? List.of() : List.copyOf(partnerDesigners);
    }
}
