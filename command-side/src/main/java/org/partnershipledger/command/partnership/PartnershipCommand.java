package org.partnershipledger.command.partnership;

import org.partnershipledger.command.common.AggregateCommand;

/** Every command on a partnership. */
public interface PartnershipCommand extends AggregateCommand {

    @Override
    default String aggregateName() {
        return "partnership";
    }
}
