package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Guards.assertGiven;

import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.platform.web.ProblemCode;

/** The shape of an impact record: a Kirkpatrick level 1-4 (5 is ROI and needs cost and benefit), a value, a source. */
final class ImpactRules {

    static final int ROI = 5;

    private ImpactRules() {
    }

    static void assertShape(RecordImpact command) {
        if (command.level() == null || command.level() < 1 || command.level() > ROI) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "level must be 1 to 5");
        }
        assertGiven(command.kpiId(), "kpiId");
        assertGiven(command.unit(), "unit");
        if (command.value() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "value must be given");
        }
        if (command.source() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "source must be given");
        }
        if (command.level() == ROI && (command.cost() == null || command.monetaryBenefit() == null)) {
            throw new LedgerRejection.Invalid(ProblemCode.ROI_NEEDS_COST_AND_BENEFIT,
                    "A level-5 (ROI) record needs cost and monetaryBenefit");
        }
    }
}
