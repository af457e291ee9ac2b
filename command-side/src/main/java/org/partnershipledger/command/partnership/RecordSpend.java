package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.partnershipledger.command.common.ReasonedCommand;
import org.partnershipledger.command.common.VersionedCommand;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;

/** Records money a business unit of the cost split actually spent (in the split's currency, if named). */
public record RecordSpend(@TargetAggregateIdentifier PartnershipId partnershipId, String spendId, String businessUnit,
                          BigDecimal amount, String currency, String period, String description,
                          List<Evidence> evidence, String decisionRef, String reason,
                          @TargetAggregateVersion Long expectedVersion)
        implements PartnershipCommand, VersionedCommand, ReasonedCommand {
}
