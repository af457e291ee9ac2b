package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * "Which decisions did the Q3 review take, and what did each change?" over HTTP on both services: a Q3 review is
 * held, then a partner selection, a pivot and a cost re-split name it with their evidence, among decisions that do
 * not; the board lists exactly those three, with who, why and on what evidence. Bad input is refused with its code
 * and records nothing.
 */
class DecisionsByReviewIT {

    static final String Q3 = "2026-Q3";
    static final String MINUTES = """
            {"type": "DOCUMENT", "ref": "https://wiki.example.com/steering/2026-q3.pdf", "title": "Q3 minutes"}""";
    static final String DASHBOARD = """
            {"type": "BI_REPORT", "ref": "https://bi.example.com/ttq", "title": "Time to quota"}""";

    static LedgerRunner ledger;
    static Http manager;
    static Http board;
    static String partnershipId;
    static String programId;
    static long partnershipVersion;
    static long programVersion;
    static Instant beforeTheReview;
    static final List<Http.Response> refused = new ArrayList<>();

    @BeforeAll
    static void aQuarterOfDecisions() throws Exception {
        ledger = new LedgerRunner().start();
        manager = ledger.commands("manager");
        board = ledger.queries("board");
        partnershipId = created(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        String p = "/api/partnerships/" + partnershipId;
        ok(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        String acme = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme Learning\", \"role\": \"TRAINING_PROVIDER\","
                        + " \"reason\": \"Strong references\"}"), "partnerId");
        String demo = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"demo-partner\", \"name\": \"Demo Partner\", \"role\": \"CONTENT_PROVIDER\"}"),
                "partnerId");
        for (String criterion : List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
            ok(manager.postJson(p + "/candidates/" + acme + "/due-diligence",
                    "{\"criterion\": \"" + criterion + "\", \"score\": 4,"
                    + " \"evidence\": [{\"type\": \"DOCUMENT\", \"ref\": \"https://docs.example.com/dd/reference-calls.pdf\"}], \"notes\": \"Reference calls\"}"));
        }
        ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "Sales benefits most",
                 "shares": [{"businessUnit": "Sales", "percent": 60}, {"businessUnit": "L&D", "percent": 40}]}"""));
        programId = created(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "kpiTargets": ["ttq"],
                 "modules": [{"title": "Discovery"}, {"title": "Role plays"}], "reason": "First cohort"}"""
                .formatted(partnershipId)), "programId");
        String g = "/api/programs/" + programId;
        ok(manager.postJson(g + "/approval", "{\"approvedBy\": \"CLO\", \"reason\": \"Fits the goals\"}"));
        beforeTheReview = pause();

        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales"],
                 "decisions": ["Select Acme Learning", "Add selling with AI", "Split the cost evenly"]}"""
                .formatted(Q3)));
        ok(manager.postJson(p + "/candidates/" + acme + "/selection", """
                {"reason": "Best fit on expertise", "decisionRef": "%s", "evidence": [%s]}""".formatted(Q3, MINUTES)));
        programVersion = ok(manager.postJson(g + "/pivots", """
                {"reason": "Time to quota stalled", "trigger": "KPI_GAP", "addModules": ["Selling with AI"],
                 "approvedBy": "Head of Sales", "decisionRef": "%s", "evidence": [%s,
                 {"type": "XAPI_STATEMENT", "ref": "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"}]}"""
                .formatted(Q3, DASHBOARD)));
        ok(manager.postJson(p + "/candidates/" + demo + "/decline", "{\"reason\": \"Weaker on budget\"}"));
        partnershipVersion = ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "L&D reuses the academy",
                 "shares": [{"businessUnit": "Sales", "percent": 50}, {"businessUnit": "L&D", "percent": 50}],
                 "decisionRef": "%s", "evidence": [%s, {"type": "BUSINESS_REVIEW", "ref": "%s"}]}"""
                .formatted(Q3, MINUTES, Q3)));

        // refused, each with its code, recording nothing
        refused.add(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 1, "shares": [{"businessUnit": "Sales", "percent": 100}],
                 "reason": "Bad evidence", "evidence": [{"type": "DOCUMENT", "ref": "minutes.pdf"}]}"""));
        refused.add(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 1, "shares": [{"businessUnit": "Sales", "percent": 100}],
                 "reason": "A review never held", "decisionRef": "2025-Q1"}"""));
        refused.add(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 1, "shares": [{"businessUnit": "Sales", "percent": 100}]}"""));
        refused.add(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CLO\"]}"));
        refused.add(manager.postJson(g + "/pivots", """
                {"reason": "Not theirs to approve", "trigger": "OTHER", "addModules": ["Extra"],
                 "approvedBy": "Intern"}"""));
        refused.add(manager.postJson(g + "/pivots", """
                {"reason": "Named a review of no partnership", "trigger": "OTHER", "addModules": ["Extra"],
                 "approvedBy": "CLO", "decisionRef": "2024-Q4"}"""));
        refused.add(manager.postJson(g + "/pivots", """
                {"reason": "Untyped evidence", "trigger": "OTHER", "addModules": ["Extra"], "approvedBy": "CLO",
                 "evidence": [{"ref": "https://example.com/x"}]}"""));

        board.await(p + "/reviews/" + Q3 + "/decisions",
                r -> r.status() == 200 && r.json().get("decisions").size() == 3, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void theQ3ReviewListsExactlyTheDecisionsThatNamedItWithWhyWhoAndEvidence() {
        JsonNode answer = get("/api/partnerships/" + partnershipId + "/reviews/" + Q3 + "/decisions");

        assertThat(answer.at("/review/period").asText()).isEqualTo(Q3);
        assertThat(answer.at("/review/recordedBy").asText()).isEqualTo("manager");
        assertThat(answer.at("/review/ledgerDecisions").asLong()).isEqualTo(3);
        JsonNode decisions = answer.get("decisions");
        assertThat(each(decisions, "type"))
                .containsExactly("PartnerSelected", "CurriculumPivoted", "CostSharingAgreed");
        assertThat(each(decisions, "reason"))
                .containsExactly("Best fit on expertise", "Time to quota stalled", "L&D reuses the academy");
        assertThat(each(decisions, "actor")).containsOnly("manager");
        assertThat(each(decisions, "decisionRef")).containsOnly(Q3);
        assertThat(decisions.get(0).at("/evidence/0/ref").asText())
                .isEqualTo("https://wiki.example.com/steering/2026-q3.pdf");
        assertThat(decisions.get(1).get("aggregateId").asText()).isEqualTo(programId);
        assertThat(decisions.get(1).get("evidence")).hasSize(2);
        assertThat(decisions.get(1).at("/evidence/1/type").asText()).isEqualTo("XAPI_STATEMENT");
        assertThat(decisions.get(1).get("summary").asText()).contains("Curriculum pivoted v1→v2");
        assertThat(each(decisions.get(2).get("evidence"), "type"))
                .containsExactly("DOCUMENT", "BUSINESS_REVIEW");
        assertThat(decisions.get(2).get("summary").asText()).contains("Sales 50%", "L&D 50%");
    }

    @Test
    void theReviewsCountTheDecisionsNamingThemAndTravelInTime() {
        JsonNode reviews = get("/api/partnerships/" + partnershipId + "/reviews").get("reviews");
        assertThat(reviews).hasSize(1);
        assertThat(reviews.at("/0/attendees/1").asText()).isEqualTo("Head of Sales");
        assertThat(reviews.at("/0/decisions/2").asText()).isEqualTo("Split the cost evenly");
        assertThat(reviews.at("/0/ledgerDecisions").asLong()).isEqualTo(3);

        assertThat(get("/api/partnerships/" + partnershipId + "/reviews?asOf=" + beforeTheReview).get("reviews"))
                .isEmpty();
        Http.Response then = board.get("/api/partnerships/" + partnershipId + "/reviews/" + Q3 + "/decisions?asOf="
                + beforeTheReview);
        assertThat(then.status()).isEqualTo(404);
        assertThat(then.json().get("code").asText()).isEqualTo("REVIEW_NOT_FOUND");
    }

    @Test
    void badInputIsRefusedWithItsCodeAndRecordsNothing() {
        assertThat(refused).extracting(Http.Response::status).containsExactly(400, 409, 400, 400, 409, 409, 400);
        assertThat(refused).extracting(response -> response.json().get("code").asText()).containsExactly(
                "EVIDENCE_INVALID", "UNKNOWN_DECISION_REF", "REASON_REQUIRED", "REASON_REQUIRED",
                "APPROVER_NOT_STEERING_MEMBER", "UNKNOWN_DECISION_REF", "EVIDENCE_INVALID");
        assertThat(refused).allSatisfy(response ->
                assertThat(response.header("Content-Type")).startsWith("application/problem+json"));
        // the next change of each is the next version: nothing was appended in between
        assertThat(ok(manager.postJson("/api/partnerships/" + partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late\", \"description\": \"Two weeks\"}"), 201))
                .isEqualTo(partnershipVersion + 1);
        assertThat(ok(manager.postJson("/api/programs/" + programId + "/cohorts",
                "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}"), 201))
                .isEqualTo(programVersion + 1);
    }

    @Test
    void theHistoryShowsEvidenceAndTheReviewNextToTheReason() {
        String path = "/api/partnerships/" + partnershipId + "/history?type=CostSharingAgreed";
        board.await(path, r -> r.status() == 200 && r.json().get("total").asLong() == 2, Duration.ofSeconds(20));
        JsonNode resplits = get(path).get("events");
        assertThat(resplits).hasSize(2);
        assertThat(resplits.get(0).get("decisionRef").isNull()).isTrue();
        assertThat(resplits.get(0).get("evidence")).isEmpty();
        assertThat(resplits.get(1).get("decisionRef").asText()).isEqualTo(Q3);
        assertThat(resplits.get(1).get("evidence")).hasSize(2);
        assertThat(resplits.get(1).get("reason").asText()).isEqualTo("L&D reuses the academy");
    }

    @Test
    void aRebuildOfTheReadModelAnswersTheSame() {
        String path = "/api/partnerships/" + partnershipId + "/reviews/" + Q3 + "/decisions";
        JsonNode before = get(path);
        Http admin = ledger.queries("admin");
        Http.Response accepted = admin.post("/api/admin/processors/review-decisions/replay", "application/json", "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        admin.await("/api/admin/processors/review-decisions", r -> r.status() == 200
                && !r.json().path("rebuild").path("completedAt").isNull(), Duration.ofSeconds(60));

        assertThat(get(path)).isEqualTo(before);
    }

    @Test
    void aPartnerReadsNoReviewsAsInThePartnershipAndItsPack() {
        Http partner = ledger.queries("partner");
        Http.Response reviews = partner.await("/api/partnerships/" + partnershipId + "/reviews",
                r -> r.status() == 200, Duration.ofSeconds(20));
        assertThat(reviews.status()).isEqualTo(200);
        assertThat(reviews.json().get("reviews")).isEmpty();
        Http.Response decisions = partner.get("/api/partnerships/" + partnershipId + "/reviews/" + Q3 + "/decisions");
        assertThat(decisions.status()).isEqualTo(404);
        assertThat(decisions.json().get("code").asText()).isEqualTo("REVIEW_NOT_FOUND");
    }

    /** The field of each element of an array (not of what they contain). */
    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private static JsonNode get(String path) {
        Http.Response response = board.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }

    private static String created(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static long ok(Http.Response response) {
        return ok(response, 200);
    }

    private static long ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json().get("version").asLong();
    }

    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        return between;
    }
}
