package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * The partnership lifecycle over HTTP, on both services: a business review whose actions are completed, dropped or
 * left to run late, two partner reviews, an agreement signed, renewed and then not renewed, a scope extension, a
 * cost split accepted and spent against; then what the board reads (the partnership and the quarter's governance
 * pack), and bad input refused with its code and nothing recorded.
 */
class PartnershipLifecycleIT {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String QUARTER = PartnershipLife.quarterOf(TODAY);
    static final String LAST_QUARTER = PartnershipLife.quarterOf(TODAY.minusMonths(3));

    static LedgerRunner ledger;
    static Http manager;
    static Http board;
    static String p;
    static String partnerId;
    static long version;

    @BeforeAll
    static void live() {
        ledger = new LedgerRunner().start();
        manager = ledger.commands("manager");
        board = ledger.queries("board");
        String id = created(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        p = "/api/partnerships/" + id;
        partnerId = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme Learning\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        for (String criterion : List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
            ok(manager.postJson(p + "/candidates/" + partnerId + "/due-diligence",
                    "{\"criterion\": \"" + criterion + "\", \"score\": 4,"
                    + " \"evidence\": [{\"type\": \"DOCUMENT\", \"ref\": \"https://docs.example.com/dd/reference-calls.pdf\"}], \"notes\": \"Reference calls\"}"));
        }
        ok(manager.postJson(p + "/candidates/" + partnerId + "/selection", "{\"reason\": \"Best fit\"}"));
        ok(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales"], "decisions": ["Keep going"],
                 "actions": [
                   {"description": "Measure L3 in EMEA", "ownerSide": "CLIENT", "owner": "Head of Sales", "dueDate": "%s"},
                   {"description": "Draft the negotiation module", "ownerSide": "PARTNER", "owner": "Ana", "dueDate": "%s"},
                   {"description": "Translate the cases", "ownerSide": "PARTNER", "owner": "Ana", "dueDate": "%s"}]}"""
                .formatted(QUARTER, TODAY.plusDays(30), TODAY.plusDays(30), TODAY.minusDays(10))));
        ok(manager.postJson(p + "/review-actions/" + QUARTER + "-1/completion", """
                {"note": "Report shared", "evidence": [{"type": "DOCUMENT", "ref": "https://docs.example.com/l3.pdf"}]}"""));
        ok(manager.postJson(p + "/review-actions/" + QUARTER + "-2/drop",
                "{\"reason\": \"Moved to next year\", \"decisionRef\": \"" + QUARTER + "\"}"));
        ok(manager.postJson(p + "/candidates/" + partnerId + "/performance-reviews", """
                {"period": "%s", "quality": 3, "onTimeDelivery": 2, "budget": 4, "facilitationQuality": 4}"""
                .formatted(LAST_QUARTER)));
        ok(manager.postJson(p + "/candidates/" + partnerId + "/performance-reviews", """
                {"period": "%s", "quality": 4, "onTimeDelivery": 4, "budget": 3, "facilitationQuality": 4,
                 "comment": "On time now", "evidence": [{"type": "BI_REPORT", "ref": "bi://delivery/acme"}]}"""
                .formatted(QUARTER)));
        ok(manager.postJson(p + "/agreement", """
                {"termStart": "%s", "termEnd": "%s", "renewalDate": "%s"}"""
                .formatted(TODAY.minusYears(1), TODAY.plusMonths(2), TODAY.plusMonths(1))));
        ok(manager.postJson(p + "/agreement/renewal", """
                {"termEnd": "%s", "renewalDate": "%s", "reason": "Results hold", "decisionRef": "%s"}"""
                .formatted(TODAY.plusYears(2), TODAY.plusYears(2).minusMonths(3), QUARTER)));
        ok(manager.postJson(p + "/agreement/non-renewal", "{\"reason\": \"Field training moves in-house\"}"));
        ok(manager.postJson(p + "/scope-extensions",
                "{\"regions\": [\"LATAM\"], \"programs\": [\"Negotiation essentials\"], \"reason\": \"Sales expands\"}"));
        ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "Sales benefits most",
                 "shares": [{"businessUnit": "Sales", "percent": 60}, {"businessUnit": "L&D", "percent": 40}]}"""));
        ok(manager.postJson(p + "/cost-sharing/acceptances",
                "{\"businessUnit\": \"Sales\", \"acceptedBy\": \"Head of Sales\"}"));
        Http.Response spend = manager.postJson(p + "/spend", """
                {"businessUnit": "L&D", "amount": 110000, "currency": "EUR", "period": "%s",
                 "description": "Facilitation days"}""".formatted(QUARTER));
        assertThat(spend.status()).as(spend.toString()).isEqualTo(201);
        version = spend.json().get("version").asLong();
        board.get(p + "?minVersion=" + version);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void theBoardSeesEachActionWithItsStatusAndWhatIsOverdue() {
        JsonNode actions = board().at("/businessReviews/0/actions");
        assertThat(actions.findValuesAsText("status")).containsExactly("DONE", "DROPPED", "OPEN");
        assertThat(actions.findValuesAsText("actionId")).containsExactly(QUARTER + "-1", QUARTER + "-2", QUARTER + "-3");
        assertThat(actions.get(0).get("note").asText()).isEqualTo("Report shared");
        assertThat(actions.get(1).get("reason").asText()).isEqualTo("Moved to next year");
        assertThat(actions.get(2).get("ownerSide").asText()).isEqualTo("PARTNER");
        assertThat(actions.findValuesAsText("overdue")).containsExactly("false", "false", "true");
    }

    @Test
    void theBoardSeesThePartnersTrend() {
        JsonNode trend = board().at("/partnerReviews/0");
        assertThat(trend.get("organizationId").asText()).isEqualTo("acme-learning");
        assertThat(trend.get("reviews").findValuesAsText("period")).containsExactly(LAST_QUARTER, QUARTER);
        assertThat(trend.at("/latest/onTimeDelivery/score").asInt()).isEqualTo(4);
        assertThat(trend.at("/latest/onTimeDelivery/change").asInt()).isEqualTo(2);
        assertThat(trend.at("/latest/budget/change").asInt()).isEqualTo(-1);
    }

    @Test
    void theBoardSeesTheAgreementScopeAndBudget() {
        JsonNode partnership = board();
        assertThat(partnership.at("/agreement/status").asText()).isEqualTo("NOT_RENEWED");
        assertThat(partnership.at("/agreement/termEnd").asText()).isEqualTo(TODAY.plusYears(2).toString());
        assertThat(partnership.at("/agreement/renewals/0/reason").asText()).isEqualTo("Results hold");
        assertThat(partnership.at("/agreement/notRenewedReason").asText()).isEqualTo("Field training moves in-house");
        assertThat(partnership.at("/scope/regions/0").asText()).isEqualTo("LATAM");
        assertThat(partnership.at("/scope/history/0/reason").asText()).isEqualTo("Sales expands");
        JsonNode sales = partnership.at("/budget/0");
        assertThat(sales.get("budgeted").decimalValue()).isEqualByComparingTo("150000");
        assertThat(sales.get("acceptedBy").asText()).isEqualTo("Head of Sales");
        assertThat(sales.get("spent").decimalValue()).isEqualByComparingTo("0");
        JsonNode learning = partnership.at("/budget/1");
        assertThat(learning.get("acceptedBy").isNull()).isTrue();
        assertThat(learning.get("spent").decimalValue()).isEqualByComparingTo("110000");
        assertThat(learning.get("variance").decimalValue()).isEqualByComparingTo("10000");
        assertThat(learning.get("variancePercent").decimalValue()).isEqualByComparingTo("10.0");
    }

    @Test
    void theGovernancePackShowsTheOverdueActionsAndThoseClosedInTheQuarter() {
        Http.Response response = board.get(p + "/governance-pack?period=" + QUARTER);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode pack = response.json();
        assertThat(pack.get("overdueActions").findValuesAsText("actionId")).containsExactly(QUARTER + "-3");
        assertThat(pack.get("actionsClosed").findValuesAsText("actionId"))
                .containsExactly(QUARTER + "-1", QUARTER + "-2");
        assertThat(pack.at("/review/actions")).hasSize(3);
    }

    @Test
    void theHistoryTellsEachStepInABoardSentence() {
        JsonNode events = board.await(p + "/history?size=100", r -> r.status() == 200
                && r.json().get("total").asLong() == version + 1, Duration.ofSeconds(10)).json().get("events");
        assertThat(events.findValuesAsText("summary")).contains("Review action " + QUARTER + "-2 dropped: "
                + "Moved to next year", "Agreement not renewed: Field training moves in-house");
    }

    @Test
    void badInputIsRefusedWithItsCodeAndRecordsNothing() {
        refused(manager.postJson(p + "/candidates/" + partnerId + "/performance-reviews", """
                {"period": "2025-Q1", "quality": 6, "onTimeDelivery": 4, "budget": 3, "facilitationQuality": 4}"""),
                400, "VALIDATION_FAILED");
        refused(manager.postJson(p + "/review-actions/" + QUARTER + "-3/drop", "{\"reason\": \" \"}"),
                400, "REASON_REQUIRED");
        refused(manager.postJson(p + "/spend", """
                {"businessUnit": "Sales", "amount": -5, "period": "%s", "description": "d"}""".formatted(QUARTER)),
                400, "VALIDATION_FAILED");
        refused(manager.postJson(p + "/review-actions/" + QUARTER + "-1/completion", "{\"evidence\": "
                + "[{\"type\": \"DOCUMENT\", \"ref\": \"not a uri\"}]}"), 400, "EVIDENCE_INVALID");
        refused(manager.postJson(p + "/review-actions/" + QUARTER + "-3/completion", "{\"note\": 5"),
                400, "MALFORMED_JSON");
        refused(manager.postJson(p + "/review-actions/" + QUARTER + "-9/completion", "{}"),
                404, "REVIEW_ACTION_NOT_FOUND");
        refused(manager.postJson(p + "/review-actions/" + QUARTER + "-1/completion", "{}"),
                409, "REVIEW_ACTION_CLOSED");
        refused(manager.postJson(p + "/candidates/" + partnerId + "/performance-reviews", """
                {"period": "%s", "quality": 2, "onTimeDelivery": 2, "budget": 2, "facilitationQuality": 2}"""
                .formatted(QUARTER)), 409, "PARTNER_REVIEW_ALREADY_RECORDED");
        refused(manager.postJson(p + "/agreement/renewal", """
                {"termEnd": "%s", "renewalDate": "%s"}""".formatted(TODAY.plusYears(5), TODAY.plusYears(4))),
                409, "AGREEMENT_NOT_RENEWED");
        refused(manager.postJson(p + "/agreement", """
                {"termStart": "2030-01-01", "termEnd": "2031-01-01", "renewalDate": "2030-10-01"}"""),
                409, "AGREEMENT_ALREADY_SIGNED");
        refused(manager.postJson(p + "/scope-extensions", "{\"regions\": [\"latam\"], \"reason\": \"Again\"}"),
                409, "SCOPE_UNCHANGED");
        refused(manager.postJson(p + "/cost-sharing/acceptances",
                "{\"businessUnit\": \"Finance\", \"acceptedBy\": \"CFO\"}"), 409, "UNKNOWN_BUSINESS_UNIT");
        refused(manager.postJson(p + "/spend", """
                {"businessUnit": "Sales", "amount": 5, "currency": "USD", "period": "%s", "description": "d"}"""
                .formatted(QUARTER)), 409, "SPEND_CURRENCY_MISMATCH");

        assertThat(board().get("version").asLong()).as("nothing was recorded").isEqualTo(version);
        Http.Response probe = manager.postJson(p + "/scope-extensions",
                "{\"regions\": [\"APAC\"], \"reason\": \"Growth\"}", "If-Match", "\"" + version + "\"");
        assertThat(probe.status()).as("the version is still the one the last command answered: " + probe)
                .isEqualTo(200);
        version = probe.json().get("version").asLong();
    }

    static JsonNode board() {
        Http.Response response = board.get(p + "?minVersion=" + version);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static void refused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }

    static String created(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
