package org.partnershipledger.command.partnership;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Signs the partnership's agreement: its term and its renewal date (not after the end of the term). */
public record SignAgreement(@TargetAggregateIdentifier PartnershipId partnershipId, LocalDate termStart,
                            LocalDate termEnd, LocalDate renewalDate, List<Evidence> evidence, String decisionRef,
                            String reason, @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
