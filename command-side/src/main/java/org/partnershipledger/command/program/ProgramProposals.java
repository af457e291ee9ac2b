package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Guards.assertGiven;
import static org.partnershipledger.command.common.Guards.assertReasonGiven;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.command.partnership.PartnershipStatus;
import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Proposing a program crosses two aggregates: the program is new, and its partnership must exist, be going on,
 * and own the KPIs the program targets. It needs no selected partner: L&D may propose a program of its own (a
 * CENTRAL_LND program), or start co-designing one while partners are still being selected, at any stage before
 * the partnership ends. The partnership is consulted through {@link PartnershipStatus}, in the
 * same transaction, so the check needs no distributed transaction.
 */
@Component
class ProgramProposals {

    private final Repository<Program> programs;
    private final PartnershipStatus partnerships;

    ProgramProposals(Repository<Program> programs, PartnershipStatus partnerships) {
        this.programs = programs;
        this.partnerships = partnerships;
    }

    /** Returns the new program's version (0: its first event). */
    @CommandHandler
    long handle(ProposeProgram command) throws Exception {
        assertGiven(command.title(), "title");
        assertReasonGiven(command.reason());
        if (command.kpiTargets().isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "A program targets at least one KPI");
        }
        PartnershipStatus.Known partnership = partnerships.lookUp(command.partnershipId())
                .orElseThrow(() -> new LedgerRejection.NotFound(ProblemCode.PARTNERSHIP_NOT_FOUND,
                        "No such partnership: " + command.partnershipId()));
        if (partnership.ended()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNERSHIP_ENDED, "The partnership has ended");
        }
        List<String> unknown = command.kpiTargets().stream().filter(k -> !partnership.kpiIds().contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_KPI,
                    "Not KPIs of the partnership: " + unknown + " (it has " + partnership.kpiIds() + ")");
        }
        Aggregate<Program> program = programs.newInstance(() -> new Program(command));
        return program.version();
    }
}
