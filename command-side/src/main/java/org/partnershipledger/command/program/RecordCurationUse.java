package org.partnershipledger.command.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.ProgramId;

/** Records evidence (learning records) that a curation's content is sourced or customised in practice. */
public record RecordCurationUse(@TargetAggregateIdentifier ProgramId programId, String curationId,
                                List<Evidence> evidence, String reason, @TargetAggregateVersion Long expectedVersion)
        implements ProgramCommand, VersionedCommand, ReasonedCommand {
}
