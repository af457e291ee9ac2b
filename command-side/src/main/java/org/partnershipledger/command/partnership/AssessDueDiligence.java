package org.partnershipledger.command.partnership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnershipId;

/** Assess a candidate on one criterion: a score, at least one evidence reference, and optional notes. */
public record AssessDueDiligence(@TargetAggregateIdentifier PartnershipId partnershipId, String partnerId,
                                 DueDiligenceCriterion criterion, Integer score, List<Evidence> evidence,
                                 String notes, String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {

    /** Without a reason (optional for this command). */
    public AssessDueDiligence(PartnershipId partnershipId, String partnerId, DueDiligenceCriterion criterion,
                              Integer score, List<Evidence> evidence, String notes, Long expectedVersion) {
        this(partnershipId, partnerId, criterion, score, evidence, notes, null, expectedVersion);
    }
}
