package org.partnershipledger.command.partnership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Extends the partnership's scope to new regions and/or programs (growth: reason required). */
public record ExtendScope(@TargetAggregateIdentifier PartnershipId partnershipId, List<String> regions,
                          List<String> programs, List<Evidence> evidence, String decisionRef, String reason,
                          @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    public ExtendScope {
        regions = regions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(regions));
        programs = programs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(programs));
    }
}
