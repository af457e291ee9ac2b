package org.partnershipledger.command.program;

import org.partnershipledger.command.common.AggregateCommand;

/** Every command on a program. */
public interface ProgramCommand extends AggregateCommand {

    @Override
    default String aggregateName() {
        return "program";
    }
}
