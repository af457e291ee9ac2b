package org.partnershipledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** One human sentence per event, for the board: what happened, and why where a reason was given. */
final class Summaries {

    private Summaries() {
    }

    static String of(String type, JsonNode p, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        return switch (type) {
            case "PartnershipOpened" -> "Partnership \"" + t(p, "name") + "\" opened with " + t(p, "client") + why;
            case "CandidateShortlisted" -> t(p, "name") + " (" + t(p, "organizationId") + ", " + t(p, "role")
                    + ") shortlisted";
            case "DueDiligenceAssessed" -> "Due diligence on " + t(p, "criterion") + " scored " + t(p, "score")
                    + "/5 (evidence: " + t(p, "evidence") + ")";
            case "PartnerSelected" -> "Partner " + t(p, "organizationId") + " selected" + why;
            case "StrategyRealigned" -> "Strategy re-aligned to \"" + t(p, "vision") + "\"" + why;
            case "OnboardingStarted" -> "Onboarding started";
            case "OnboardingCompleted" -> "Onboarding completed: " + t(p, "summary");
            case "GovernanceCharterSet" -> "Governance charter set: " + t(p, "cadence") + " reviews, steering "
                    + list(p, "steeringMembers");
            case "BusinessReviewHeld" -> "Business review " + t(p, "period") + " held with " + list(p, "attendees")
                    + "; decisions: " + list(p, "decisions");
            case "CostSharingAgreed" -> "Cost sharing of " + t(p, "totalBudget") + " " + t(p, "currency")
                    + " agreed: " + shares(p) + why;
            case "ConcernRaised" -> "Concern raised by " + t(p, "raisedBy") + ": " + t(p, "subject");
            case "ConcernResolved" -> "Concern resolved: " + t(p, "resolution");
            case "PartnershipEnded" -> "Partnership ended" + why;
            case "ProgramProposed" -> "Program \"" + t(p, "title") + "\" proposed (curriculum v"
                    + t(p, "curriculumVersion") + ")" + why;
            case "ModuleCoCreated" -> "Module \"" + t(p, "title") + "\" co-created by " + list(p, "clientSmes")
                    + " and " + list(p, "partnerDesigners");
            case "ProgramApproved" -> "Program approved by " + t(p, "approvedBy");
            case "ProgramRejected" -> "Program rejected" + why;
            case "ProgramLocalized" -> "Program localised for " + t(p, "region") + " (" + t(p, "language") + ")";
            case "CohortScheduled" -> "Cohort of " + t(p, "participants") + " scheduled in " + t(p, "region")
                    + " from " + t(p, "startsOn");
            case "CohortDelivered" -> "Cohort delivered on " + t(p, "deliveredOn") + ": "
                    + t(p, "participantsCompleted") + " completed, facilitated by " + t(p, "facilitator");
            case "CurriculumPivoted" -> "Curriculum pivoted v" + t(p, "fromVersion") + "→v" + t(p, "toVersion")
                    + " (" + t(p, "trigger") + "): " + t(p, "reason") + ", approved by " + t(p, "approvedBy");
            case "ImpactRecorded" -> "Impact recorded: level " + t(p, "level") + " " + t(p, "kpiId") + " = "
                    + t(p, "value") + " " + t(p, "unit") + " (" + t(p, "periodStart") + " to " + t(p, "periodEnd")
                    + ", " + t(p, "source") + ")";
            case "ImpactWithdrawn" -> "Impact record withdrawn" + why;
            case "ProgramRetired" -> "Program retired" + why;
            default -> type + why;
        };
    }

    private static String t(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? "-" : value.asText();
    }

    private static String list(JsonNode payload, String field) {
        JsonNode values = payload.get(field);
        if (values == null || !values.isArray() || values.isEmpty()) {
            return "-";
        }
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", "));
    }

    private static String shares(JsonNode payload) {
        return StreamSupport.stream(payload.path("shares").spliterator(), false)
                .map(share -> share.path("businessUnit").asText() + " " + share.path("percent").asText() + "%")
                .collect(Collectors.joining(", "));
    }
}
