package org.partnershipledger.command.partnership;

import java.util.regex.Pattern;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.platform.web.ProblemCode;

/** What a candidate and its assessments must look like. */
final class PartnerRules {

    /** A stable slug for the partner organisation across partnerships, e.g. {@code acme-learning}. */
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private PartnerRules() {
    }

    static void assertOrganizationId(String organizationId) {
        if (organizationId == null || !ORGANIZATION_ID.matcher(organizationId).matches()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "organizationId must be a slug of lower-case letters, digits and dashes, e.g. acme-learning");
        }
    }

    static void assertGivenRole(PartnerRole role) {
        if (role == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "role must be given");
        }
    }

    static void assertAssessment(DueDiligenceCriterion criterion, Integer score, String evidence) {
        if (criterion == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "criterion must be given");
        }
        if (score == null || score < 0 || score > 5) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "score must be between 0 and 5");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new LedgerRejection.Invalid(ProblemCode.EVIDENCE_REQUIRED, "An assessment needs evidence");
        }
    }
}
