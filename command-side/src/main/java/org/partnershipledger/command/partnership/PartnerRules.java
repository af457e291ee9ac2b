package org.partnershipledger.command.partnership;

import java.util.List;
import java.util.regex.Pattern;
import org.partnershipledger.command.common.Decisions;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.platform.web.ProblemCode;

/** What a candidate and its assessments must look like. */
final class PartnerRules {

    static final int MAX_NOTES = 4000;
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

    static void assertAssessment(DueDiligenceCriterion criterion, Integer score) {
        if (criterion == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "criterion must be given");
        }
        if (score == null || score < 0 || score > 5) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "score must be between 0 and 5");
        }
    }

    /**
     * An assessment rests on at least one reference a board can follow (each checked as every decision's evidence
     * is); free text alone is a note, not evidence.
     */
    static List<Evidence> assertAssessmentEvidence(List<Evidence> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.EVIDENCE_REQUIRED, "An assessment needs at least one "
                    + "evidence reference, e.g. [{\"type\": \"DOCUMENT\", \"ref\": \"https://...\"}]; free text goes "
                    + "in notes");
        }
        return Decisions.assertEvidence(evidence);
    }

    /** Notes are optional; blank notes are none. */
    static String notes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        if (notes.length() > MAX_NOTES) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "notes must be at most " + MAX_NOTES + " characters");
        }
        return notes.trim();
    }
}
