package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Guards.assertGiven;
import static org.partnershipledger.command.common.Guards.assertReasonGiven;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.command.partnership.PartnershipReader;
import org.springframework.stereotype.Component;

/**
 * Proposing a program crosses two aggregates: the program is new, and its partnership must exist. The
 * partnership is read (not changed) in the same unit of work, from its own events, so the check needs no read
 * model and no distributed transaction.
 */
@Component
class ProgramProposals {

    private final Repository<Program> programs;
    private final PartnershipReader partnerships;

    ProgramProposals(Repository<Program> programs, PartnershipReader partnerships) {
        this.programs = programs;
        this.partnerships = partnerships;
    }

    /** Returns the new program's version (0: its first event). */
    @CommandHandler
    long handle(ProposeProgram command) throws Exception {
        assertGiven(command.title(), "title");
        assertReasonGiven(command.reason());
        if (!partnerships.exists(command.partnershipId())) {
            throw new LedgerRejection.NotFound("PARTNERSHIP_NOT_FOUND",
                    "No such partnership: " + command.partnershipId());
        }
        Aggregate<Program> program = programs.newInstance(() -> new Program(command));
        return program.version();
    }
}
