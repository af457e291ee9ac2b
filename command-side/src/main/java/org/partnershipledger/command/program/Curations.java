package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Guards.assertGiven;

import java.net.URI;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.platform.web.ProblemCode;

/** The shape of a curation: what, by whom, for which gap, and why it fits. */
final class Curations {

    private Curations() {
    }

    static void assertShape(CurateContent command) {
        if (command.approach() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "approach must be CUSTOMISED, MOOC, LIBRARY, PARTNER or INTERNAL");
        }
        assertGiven(command.title(), "title");
        assertGiven(command.businessUnit(), "businessUnit");
        assertGiven(command.curator(), "curator");
        assertGiven(command.gap(), "gap");
        assertGiven(command.rationale(), "rationale");
        if (command.uri() != null && !isWebUri(command.uri().trim())) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "uri must be an absolute http(s) URI");
        }
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean isWebUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
