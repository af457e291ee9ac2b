package org.partnershipledger.command.common;

/**
 * A command on one aggregate, which names that aggregate as clients call it ("No such program: p-1"). Implemented
 * once per aggregate by {@code PartnershipCommand} and {@code ProgramCommand}, never by a command itself.
 */
public interface AggregateCommand {

    /** The aggregate's name in messages to clients: {@code partnership}, {@code program}. */
    String aggregateName();
}
