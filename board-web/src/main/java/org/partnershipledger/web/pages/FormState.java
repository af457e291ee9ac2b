package org.partnershipledger.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.web.api.ApiAnswer;

/**
 * A manager's form as it is shown again after the ledger refused it: what was typed, the problem's detail in plain
 * words, each field's own error next to it, or the explanation that the page was stale.
 */
public record FormState(Map<String, String> values, List<String> checked, String error, Map<String, String> fieldErrors,
                        String stale) {

    /** Codes that name no field in the problem, but clearly concern one. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "REASON_REQUIRED", "reason",
            "APPROVER_NOT_STEERING_MEMBER", "approvedBy",
            "UNKNOWN_MODULE", "removeModules",
            "PIVOT_CHANGES_NOTHING", "addModules",
            "CURRICULUM_WOULD_BE_EMPTY", "removeModules",
            "EVIDENCE_INVALID", "evidence",
            "UNKNOWN_DECISION_REF", "decisionRef",
            "UNKNOWN_KPI", "kpiId",
            "PERIOD_IN_FUTURE", "periodEnd",
            "REVIEW_ALREADY_HELD", "period");

    public static FormState empty() {
        return new FormState(Map.of(), List.of(), null, Map.of(), null);
    }

    /** {@code what} is what the form changes, "program" or "partnership", for the stale page's explanation. */
    static FormState refused(Map<String, String> values, List<String> checked, ApiAnswer answer, String what) {
        // 412: If-Match named an older version; 409 CONCURRENT_MODIFICATION: another change won the race
        if (answer.status() == 412 || "CONCURRENT_MODIFICATION".equals(answer.problem().code())) {
            return new FormState(values, checked, null, Map.of(), staleMessage(answer, what));
        }
        ApiAnswer.Problem problem = answer.problem();
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fields().forEach((field, message) -> fields.put(field.replaceAll("\\[\\d+]$", ""), message));
        String field = FIELD_OF_CODE.get(problem.code());
        if (field != null && !fields.containsKey(field)) {
            fields.put(field, problem.detail());
        }
        String error = fields.isEmpty() || !fields.containsValue(problem.detail()) ? problem.detail()
                : "Nothing was recorded: please correct the field marked below.";
        if (!fields.isEmpty() && error.equals(problem.detail())) {
            error = "Nothing was recorded. " + problem.detail();
        }
        return new FormState(values, checked, error, fields, null);
    }

    private static String staleMessage(ApiAnswer answer, String what) {
        String detail = answer.problem().detail();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at version (\\d+)").matcher(detail);
        String now = m.find() ? " (now version " + m.group(1) + ")" : "";
        return "Someone else changed this " + what + " since you opened it" + now + ". Reload to see their change; "
                + "nothing was recorded.";
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean isChecked(String value) {
        return checked.contains(value);
    }

    public String errorOf(String field) {
        return fieldErrors.get(field);
    }

    public boolean hasError(String field) {
        return fieldErrors.containsKey(field);
    }
}
