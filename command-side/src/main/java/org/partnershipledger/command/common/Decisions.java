package org.partnershipledger.command.common;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * The guards every decision shares: its evidence must be references a board can follow, and its decisionRef must
 * name a business review held in the same partnership (a review is named by its period, e.g. {@code 2026-Q3}).
 */
public final class Decisions {

    public static final int MAX_EVIDENCE = 50;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(Q[1-4]|(0[1-9]|1[0-2]))");

    private Decisions() {
    }

    /** Evidence is optional; each item given must have a type and a ref that fits it. Null means none. */
    public static List<Evidence> assertEvidence(List<Evidence> evidence) {
        if (evidence == null) {
            return List.of();
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw invalid("at most " + MAX_EVIDENCE + " evidence references");
        }
        for (int i = 0; i < evidence.size(); i++) {
            Evidence item = evidence.get(i);
            if (item == null || item.type() == null) {
                throw invalid("evidence[" + i + "].type must be DOCUMENT, BUSINESS_REVIEW, XAPI_STATEMENT or BI_REPORT");
            }
            String ref = item.ref() == null ? "" : item.ref().trim();
            if (ref.isEmpty() || ref.length() > 2000) {
                throw invalid("evidence[" + i + "].ref must be given (at most 2000 characters)");
            }
            boolean fits = switch (item.type()) {
                case DOCUMENT -> isWebUri(ref);
                case BUSINESS_REVIEW -> PERIOD.matcher(ref).matches();
                case XAPI_STATEMENT -> isUuid(ref);
                case BI_REPORT -> true;
            };
            if (!fits) {
                throw invalid("evidence[" + i + "].ref does not fit " + item.type() + ": "
                        + switch (item.type()) {
                            case DOCUMENT -> "an absolute http(s) URI";
                            case BUSINESS_REVIEW -> "a review period such as 2026-Q3 or 2026-09";
                            case XAPI_STATEMENT -> "a statement id (UUID)";
                            case BI_REPORT -> "a URI or report id";
                        });
            }
            if (item.title() != null && item.title().length() > 500) {
                throw invalid("evidence[" + i + "].title must be at most 500 characters");
            }
        }
        return List.copyOf(evidence.stream()
                .map(e -> new Evidence(e.type(), e.ref().trim(), e.title() == null ? null : e.title().trim()))
                .toList());
    }

    /** A decisionRef is optional; given, it must be the period of a review held in the partnership. */
    public static void assertDecisionRef(String decisionRef, Set<String> reviewedPeriods) {
        if (decisionRef == null) {
            return;
        }
        if (!reviewedPeriods.contains(decisionRef)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_DECISION_REF,
                    "No business review was held for " + decisionRef + " in this partnership");
        }
    }

    /** approvedBy must be a steering member of the partnership's charter. */
    public static void assertSteeringMember(String approvedBy, Set<String> steeringMembers) {
        if (approvedBy == null || !steeringMembers.contains(approvedBy.trim())) {
            throw new LedgerRejection.RuleViolated(ProblemCode.APPROVER_NOT_STEERING_MEMBER,
                    "approvedBy must name a steering member of the governance charter: " + steeringMembers);
        }
    }

    private static boolean isWebUri(String ref) {
        try {
            URI uri = new URI(ref);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isUuid(String ref) {
        try {
            return UUID.fromString(ref).toString().equalsIgnoreCase(ref);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LedgerRejection invalid(String message) {
        return new LedgerRejection.Invalid(ProblemCode.EVIDENCE_INVALID, message);
    }
}
