package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.system.ApiOperations.Operation;

/**
 * Who may do what: every operation both services document (read from their served OpenAPI documents, so an endpoint
 * added tomorrow is in the matrix the day it exists), as every role and without credentials, answers exactly what
 * it should. A role that may not is 403 FORBIDDEN, no credentials is 401 UNAUTHENTICATED, and a role that may gets
 * the operation's own answer (200, 201, 202, 204, or the 404 it documents for the request sent), never merely "not
 * 401 or 403"; a 500 anywhere fails, and so does a status the operation's document does not list.
 *
 * <p>An operation with no expectation in {@link #EXPECTED} fails, naming it: whoever adds an endpoint adds who may
 * call it and what it answers them. An expectation for an operation the documents do not have (yet) is reported.
 */
class AccessMatrixIT {

    static final List<String> ROLES = List.of("board", "manager", "analyst", "integration", "admin", "partner");
    static final Set<String> READERS = Set.copyOf(ROLES);
    /** The column for requests without credentials. */
    static final String ANONYMOUS = "(no credentials)";

    static final String OPEN = """
            {"name": "Field sales academy", "client": "Acme Retail", "vision": "Productive in 90 days",
             "reason": "Onboarding takes too long",
             "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}]}""";

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    /**
     * The partnership every read and every refused request names: demo-partner (the partner user's organisation)
     * is its selected partner, so the partner reads it and its program; the program has a delivered cohort and an
     * impact record, the partnership a concern.
     */
    static String partnership;
    static String partnerId;
    static String program;
    static String cohort;
    static String concern;
    static String impact;
    static String subscription;
    static String check;
    static String verification;
    static String eventType;
    static String quarter;

    /** What each operation answers, by {@link Operation#key()}. */
    static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    /**
     * Who may call an operation, the request each of them sends (for the others, the operation's path on the
     * partnership above, with {@code {}} for a body), and the status it answers them, the same for each unless
     * {@code otherwise} names a role.
     */
    record Expected(Set<String> allowed, int status, Map<String, Integer> otherwise, int anonymous,
                    Function<String, RawHttp.Request> request) {

        Expected except(String role, int status) {
            Map<String, Integer> more = new LinkedHashMap<>(otherwise);
            more.put(role, status);
            return new Expected(allowed, status(), more, anonymous, request);
        }

        Expected publicToo() {
            return new Expected(allowed, status, otherwise, status, request);
        }

        int statusFor(String role) {
            return otherwise.getOrDefault(role, status);
        }
    }

    static Expected as(Set<String> allowed, int status, Function<String, RawHttp.Request> request) {
        return new Expected(allowed, status, Map.of(), 401, request);
    }

    static Expected manager(int status, Function<String, RawHttp.Request> request) {
        return as(Set.of("manager"), status, request);
    }

    static Set<String> only(String... roles) {
        return Set.of(roles);
    }

    static RawHttp.Request get(String path) {
        return RawHttp.Request.of("GET", path);
    }

    static RawHttp.Request post(String path, String json) {
        return RawHttp.Request.of("POST", path).json(json);
    }

    /** A request to the xAPI Statements resource, which needs the version header. */
    static RawHttp.Request xapi(RawHttp.Request request) {
        return request.header("X-Experience-API-Version: 1.0.3");
    }

    static RawHttp.Request put(String path, String json) {
        return RawHttp.Request.of("PUT", path).json(json);
    }

    static {
        String p = "/api/partnerships/";
        String g = "/api/programs/";
        // The command side: managers send every command, partners raise concerns where they are a partner
        EXPECTED.put("POST /api/partnerships", manager(201, role -> post("/api/partnerships", OPEN)));
        EXPECTED.put("POST /api/partnerships/{id}/business-reviews", manager(200, role -> {
            String id = World.chartered();
            return post(p + id + "/business-reviews", "{\"period\": \"" + quarter + "\", \"attendees\": [\"CLO\"]}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/candidates", manager(201, role -> post(p + World.opened()
                + "/candidates", "{\"organizationId\": \"acme-learning\", \"name\": \"Acme\", \"role\": \"MOOC\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/candidates/{partnerId}/due-diligence", manager(200, role -> {
            String[] candidate = World.candidate("acme-learning");
            return post(p + candidate[0] + "/candidates/" + candidate[1] + "/due-diligence",
                    "{\"criterion\": \"EXPERTISE\", \"score\": 4, \"evidence\": \"https://dms.example/dd/references.pdf\"}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/candidates/{partnerId}/selection", manager(200, role -> {
            String[] candidate = World.assessed("acme-learning");
            return post(p + candidate[0] + "/candidates/" + candidate[1] + "/selection", "{\"reason\": \"Best fit\"}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/candidates/{partnerId}/decline", manager(200, role -> {
            String[] candidate = World.candidate("acme-learning");
            return post(p + candidate[0] + "/candidates/" + candidate[1] + "/decline", "{\"reason\": \"No fit\"}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/candidates/{partnerId}/offboarding", manager(200, role -> {
            String[] selected = World.selected("acme-learning");
            return post(p + selected[0] + "/candidates/" + selected[1] + "/offboarding", "{\"reason\": \"Left\"}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/concerns", as(only("manager", "partner"), 201, role -> post(p
                + (role.equals("partner") ? partnership : World.opened()) + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late reviews\", \"description\": \"Two weeks\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/concerns/{concernId}/resolution", manager(200, role -> {
            String id = World.opened();
            return post(p + id + "/concerns/" + World.concern(id) + "/resolution", "{\"resolution\": \"Agreed\"}");
        }));
        EXPECTED.put("PUT /api/partnerships/{id}/cost-sharing", manager(200, role -> put(p + World.opened()
                + "/cost-sharing", "{\"currency\": \"EUR\", \"totalBudget\": 1000, \"reason\": \"Split\", "
                + "\"shares\": [{\"businessUnit\": \"Sales\", \"percent\": 100}]}")));
        EXPECTED.put("POST /api/partnerships/{id}/end", manager(200, role -> post(p + World.opened() + "/end",
                "{\"reason\": \"Done\"}")));
        EXPECTED.put("PUT /api/partnerships/{id}/governance-charter", manager(200, role -> put(p + World.opened()
                + "/governance-charter", "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}")));
        EXPECTED.put("POST /api/partnerships/{id}/onboarding", manager(200, role ->
                RawHttp.Request.of("POST", p + World.selected("acme-learning")[0] + "/onboarding")));
        EXPECTED.put("POST /api/partnerships/{id}/onboarding/completion", manager(200, role -> {
            String id = World.selected("acme-learning")[0];
            World.ok(RawHttp.Request.of("POST", p + id + "/onboarding"));
            return post(p + id + "/onboarding/completion", "{\"summary\": \"Certified\"}");
        }));
        EXPECTED.put("PUT /api/partnerships/{id}/strategy", manager(200, role -> put(p + World.opened() + "/strategy",
                "{\"vision\": \"Faster\", \"reason\": \"Market moved\", \"kpis\": [{\"kpiId\": \"ttq\", \"name\": "
                        + "\"Time to quota\", \"unit\": \"days\", \"baseline\": 120, \"target\": 80}]}")));
        // the partnership lifecycle: review actions, partner reviews, the agreement, scope, cost sharing in practice
        EXPECTED.put("POST /api/partnerships/{id}/review-actions/{actionId}/completion", manager(200, role -> post(p
                + World.reviewed() + "/review-actions/" + quarter + "-1/completion", "{\"note\": \"Done\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/review-actions/{actionId}/drop", manager(200, role -> post(p
                + World.reviewed() + "/review-actions/" + quarter + "-1/drop", "{\"reason\": \"Not needed\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/candidates/{partnerId}/performance-reviews", manager(200, role -> {
            String[] selected = World.selected("acme-learning");
            return post(p + selected[0] + "/candidates/" + selected[1] + "/performance-reviews", "{\"period\": \""
                    + quarter + "\", \"quality\": 4, \"onTimeDelivery\": 3, \"budget\": 4, "
                    + "\"facilitationQuality\": 5}");
        }));
        EXPECTED.put("POST /api/partnerships/{id}/agreement", manager(200, role -> post(p + World.opened()
                + "/agreement", World.AGREEMENT)));
        EXPECTED.put("POST /api/partnerships/{id}/agreement/renewal", manager(200, role -> post(p + World.signed()
                + "/agreement/renewal", "{\"termEnd\": \"2029-12-31\", \"renewalDate\": \"2029-09-30\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/agreement/non-renewal", manager(200, role -> post(p
                + World.signed() + "/agreement/non-renewal", "{\"reason\": \"In-house\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/scope-extensions", manager(200, role -> post(p + World.opened()
                + "/scope-extensions", "{\"regions\": [\"LATAM\"], \"reason\": \"Growth\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/cost-sharing/acceptances", manager(200, role -> post(p
                + World.split() + "/cost-sharing/acceptances", "{\"businessUnit\": \"Sales\", "
                + "\"acceptedBy\": \"Head of Sales\"}")));
        EXPECTED.put("POST /api/partnerships/{id}/spend", manager(201, role -> post(p + World.split() + "/spend",
                "{\"businessUnit\": \"Sales\", \"amount\": 100, \"period\": \"" + quarter
                        + "\", \"description\": \"Days\"}")));
        EXPECTED.put("POST /api/programs", manager(201, role -> post("/api/programs", World.proposal(World.opened()))));
        EXPECTED.put("POST /api/programs/{id}/approval", manager(200, role -> post(g + World.proposed() + "/approval",
                "{\"approvedBy\": \"Head of Sales\"}")));
        EXPECTED.put("POST /api/programs/{id}/cohorts", manager(201, role -> post(g + World.approved() + "/cohorts",
                "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}")));
        EXPECTED.put("POST /api/programs/{id}/cohorts/{cohortId}/delivery", manager(200, role -> {
            String id = World.approved();
            return post(g + id + "/cohorts/" + World.cohort(id) + "/delivery",
                    "{\"deliveredOn\": \"2026-09-30\", \"participantsCompleted\": 18, \"facilitator\": \"Ana\"}");
        }));
        EXPECTED.put("POST /api/programs/{id}/impact", manager(201, role -> {
            String id = World.approved();
            return post(g + id + "/impact", World.impactOf(World.delivered(id)));
        }));
        EXPECTED.put("POST /api/programs/{id}/impact/{impactId}/withdrawal", manager(200, role -> {
            String id = World.approved();
            String recorded = World.created(post(g + id + "/impact", World.impactOf(World.delivered(id))), "impactId");
            return post(g + id + "/impact/" + recorded + "/withdrawal", "{\"reason\": \"Wrong cohort\"}");
        }));
        EXPECTED.put("POST /api/programs/{id}/localizations", manager(201, role -> post(g + World.approved()
                + "/localizations", "{\"region\": \"LATAM\", \"language\": \"es\", \"timeZone\": \"America/Lima\"}")));
        EXPECTED.put("POST /api/programs/{id}/localizations/{localizationId}/confirmation", manager(200, role -> {
            String[] drifted = World.localized(true);
            return post(g + drifted[0] + "/localizations/" + drifted[1] + "/confirmation", "{\"reason\": \"Holds\"}");
        }));
        EXPECTED.put("PUT /api/programs/{id}/localizations/{localizationId}", manager(200, role -> {
            String[] localized = World.localized(false);
            return put(g + localized[0] + "/localizations/" + localized[1], "{\"adaptations\": [\"Local cases\"], "
                    + "\"changes\": [\"Local cases added\"], \"reason\": \"Learners asked\"}");
        }));
        EXPECTED.put("PUT /api/programs/{id}/measurement-plan", manager(200, role -> put(g + World.approved()
                + "/measurement-plan", "{\"levels\": [{\"level\": 3, \"metric\": \"Questions per call\", "
                + "\"method\": \"Checklist\", \"source\": \"OBSERVATION\", \"cadence\": \"QUARTERLY\"}]}")));
        EXPECTED.put("PUT /api/programs/{id}/xapi-mapping", manager(200, role -> put(g + World.approved()
                + "/xapi-mapping", "{\"activityIds\": [\"http://lms.example.com/courses/1\"], \"rules\": [{\"verb\": "
                + "\"http://adlnet.gov/expapi/verbs/passed\", \"kpiId\": \"ttq\", \"level\": 2, "
                + "\"measure\": \"SCORE_SCALED_MEAN\"}]}")));
        EXPECTED.put("POST /api/programs/{id}/curations", manager(201, role -> post(g + World.approved()
                + "/curations", World.CURATION)));
        EXPECTED.put("POST /api/programs/{id}/curations/{curationId}/retirement", manager(200, role -> {
            String id = World.approved();
            String curation = World.created(post(g + id + "/curations", World.CURATION), "curationId");
            return post(g + id + "/curations/" + curation + "/retirement", "{\"reason\": \"Course withdrawn\"}");
        }));
        EXPECTED.put("POST /api/programs/{id}/modules", manager(201, role -> post(g + World.proposed() + "/modules",
                "{\"title\": \"Role plays\", \"clientSmes\": [\"Seller\"], \"partnerDesigners\": [\"Designer\"]}")));
        EXPECTED.put("POST /api/programs/{id}/pivots", manager(200, role -> post(g + World.approved() + "/pivots",
                "{\"reason\": \"KPI stalled\", \"trigger\": \"KPI_GAP\", \"addModules\": [\"AI\"], "
                        + "\"approvedBy\": \"Head of Sales\"}")));
        EXPECTED.put("POST /api/programs/{id}/rejection", manager(200, role -> post(g + World.proposed()
                + "/rejection", "{\"reason\": \"Not now\"}")));
        EXPECTED.put("POST /api/programs/{id}/retirement", manager(200, role -> post(g + World.approved()
                + "/retirement", "{\"reason\": \"Replaced\"}")));

        // The query side: reads
        EXPECTED.put("GET /api/partnerships", as(READERS, 200, role -> get("/api/partnerships")));
        EXPECTED.put("GET /api/partnerships/{id}", as(READERS, 200, role -> get(p + partnership)));
        EXPECTED.put("GET /api/partnerships/{id}/history", as(READERS, 200, role -> get(p + partnership
                + "/history")));
        EXPECTED.put("GET /api/partnerships/{id}/cost-sharing", as(READERS, 200, role -> get(p + partnership
                + "/cost-sharing")));
        EXPECTED.put("GET /api/partnerships/{id}/governance-pack", as(READERS, 200, role -> get(p + partnership
                + "/governance-pack?period=" + quarter)));
        // a partner reads no business reviews: an empty list, and a review is not found
        EXPECTED.put("GET /api/partnerships/{id}/reviews", as(READERS, 200, role -> get(p + partnership
                + "/reviews")));
        EXPECTED.put("GET /api/partnerships/{id}/reviews/{period}/decisions", as(READERS, 200, role -> get(p
                + partnership + "/reviews/" + quarter + "/decisions")).except("partner", 404));
        EXPECTED.put("GET /api/partnerships/{id}/audit-pack", as(only("board", "analyst"), 200, role -> get(p
                + partnership + "/audit-pack")));
        EXPECTED.put("GET /api/programs/{id}", as(READERS, 200, role -> get(g + program)));
        EXPECTED.put("GET /api/programs/{id}/curriculum", as(READERS, 200, role -> get(g + program + "/curriculum")));
        EXPECTED.put("GET /api/programs/{id}/impact", as(READERS, 200, role -> get(g + program + "/impact")));
        EXPECTED.put("GET /api/pivots", as(READERS, 200, role -> get("/api/pivots")));
        // who am I: every signed-in user, whatever its role (the board's web application signs users in with it)
        EXPECTED.put("GET /api/me", as(READERS, 200, role -> get("/api/me")));
        EXPECTED.put("GET /api/localizations", as(READERS, 200, role -> get("/api/localizations?needsReview=true")));
        EXPECTED.put("GET /api/curations", as(READERS, 200, role -> get("/api/curations?approach=MOOC")));
        EXPECTED.put("GET /api/schemas", as(READERS, 200, role -> get("/api/schemas")));
        EXPECTED.put("GET /api/schemas/{type}", as(READERS, 200, role -> get("/api/schemas/" + eventType)));
        EXPECTED.put("GET /api/analytics/due-diligence-outcomes", as(only("analyst"), 200, role ->
                get("/api/analytics/due-diligence-outcomes")));
        EXPECTED.put("GET /api/analytics/pivot-lead-times", as(only("analyst"), 200, role ->
                get("/api/analytics/pivot-lead-times")));
        EXPECTED.put("GET /api/export/events", as(only("analyst"), 200, role -> get("/api/export/events")));
        EXPECTED.put("GET /api/export/impact-facts.csv", as(only("analyst"), 200, role ->
                get("/api/export/impact-facts.csv")));
        // the audit log: its public key for anyone, its checkpoints and proofs for every reader
        EXPECTED.put("GET /api/audit/public-key", as(READERS, 200, role -> get("/api/audit/public-key")).publicToo());
        EXPECTED.put("GET /api/audit/checkpoints", as(READERS, 200, role -> get("/api/audit/checkpoints")));
        EXPECTED.put("GET /api/audit/checkpoints/latest", as(READERS, 200, role -> get("/api/audit/checkpoints/latest")));
        EXPECTED.put("GET /api/audit/proofs/inclusion", as(READERS, 200, role ->
                get("/api/audit/proofs/inclusion?position=1")));
        EXPECTED.put("GET /api/audit/proofs/consistency", as(READERS, 200, role ->
                get("/api/audit/proofs/consistency?from=1")));
        // integrations
        EXPECTED.put("GET /api/stream", as(only("integration"), 200, role -> get("/api/stream?after=999999999")));
        EXPECTED.put("GET /api/subscriptions", as(only("integration"), 200, role -> get("/api/subscriptions")));
        EXPECTED.put("POST /api/subscriptions", as(only("integration"), 201, role -> post("/api/subscriptions",
                "{\"url\": \"http://localhost:9/hook\", \"types\": [\"ledger.program.*\"], \"after\": 999999999}")));
        EXPECTED.put("GET /api/subscriptions/{id}", as(only("integration"), 200, role -> get("/api/subscriptions/"
                + subscription)));
        EXPECTED.put("DELETE /api/subscriptions/{id}", as(only("integration"), 204, role ->
                RawHttp.Request.of("DELETE", "/api/subscriptions/" + World.subscription())));
        EXPECTED.put("POST /api/subscriptions/{id}/pause", as(only("integration"), 200, role ->
                RawHttp.Request.of("POST", "/api/subscriptions/" + subscription + "/pause")));
        EXPECTED.put("POST /api/subscriptions/{id}/resume", as(only("integration"), 200, role ->
                RawHttp.Request.of("POST", "/api/subscriptions/" + subscription + "/resume")));
        EXPECTED.put("POST /api/subscriptions/{id}/secret/rotation", as(only("integration"), 200, role ->
                RawHttp.Request.of("POST", "/api/subscriptions/" + World.subscription() + "/secret/rotation")));
        // learning records (xAPI): LRS clients push and read statements, admins read them and run the sources
        EXPECTED.put("POST /api/xapi/statements", as(only("integration"), 200, role -> xapi(post("/api/xapi/statements",
                World.STATEMENT))));
        EXPECTED.put("PUT /api/xapi/statements", as(only("integration"), 204, role -> xapi(put(
                "/api/xapi/statements?statementId=fd41c918-b88b-4b20-a0a5-a4c32391aaa0", World.STATEMENT))));
        // no such statement: what a reader gets is the documented 404
        EXPECTED.put("GET /api/xapi/statements", as(only("integration", "admin"), 404, role -> xapi(get(
                "/api/xapi/statements?statementId=00000000-0000-4000-8000-000000000000"))));
        EXPECTED.put("GET /api/xapi/sources", as(only("admin"), 200, role -> get("/api/xapi/sources")));
        EXPECTED.put("PUT /api/xapi/sources/{name}", as(only("admin"), 200, role -> put("/api/xapi/sources/lrs",
                "{\"endpoint\": \"http://127.0.0.1:9/xapi\", \"verb\": \"http://adlnet.gov/expapi/verbs/passed\"}")));
        EXPECTED.put("POST /api/xapi/sources/{name}/poll", as(only("admin"), 404, role ->
                RawHttp.Request.of("POST", "/api/xapi/sources/none/poll")));
        EXPECTED.put("GET /api/xapi/unmapped", as(only("admin"), 200, role -> get("/api/xapi/unmapped")));
        EXPECTED.put("GET /api/xapi/buckets", as(only("admin"), 200, role -> get("/api/xapi/buckets")));
        EXPECTED.put("POST /api/xapi/erasures", as(only("admin"), 200, role -> post("/api/xapi/erasures",
                "{\"agent\": {\"mbox\": \"mailto:nobody@example.com\"}}")));
        // administration
        EXPECTED.put("GET /api/admin/processors", as(only("admin"), 200, role -> get("/api/admin/processors")));
        EXPECTED.put("GET /api/admin/processors/{name}", as(only("admin"), 200, role ->
                get("/api/admin/processors/partner-access")));
        EXPECTED.put("POST /api/admin/processors/{name}/replay", as(only("admin"), 202, role ->
                RawHttp.Request.of("POST", "/api/admin/processors/partner-access/replay")));
        // every read model rebuilt with no downtime: the others' reads meanwhile answer as before
        EXPECTED.put("POST /api/admin/processors/replay", as(only("admin"), 202, role ->
                RawHttp.Request.of("POST", "/api/admin/processors/replay")));
        EXPECTED.put("GET /api/admin/dead-letters", as(only("admin"), 200, role -> get("/api/admin/dead-letters")));
        EXPECTED.put("GET /api/admin/dead-letters/evictions", as(only("admin"), 200, role ->
                get("/api/admin/dead-letters/evictions")));
        // no dead letter exists: what an admin gets is the documented 404
        EXPECTED.put("GET /api/admin/dead-letters/{id}", as(only("admin"), 404, role ->
                get("/api/admin/dead-letters/none")));
        EXPECTED.put("DELETE /api/admin/dead-letters/{id}", as(only("admin"), 404, role ->
                RawHttp.Request.of("DELETE", "/api/admin/dead-letters/none?reason=test")));
        EXPECTED.put("POST /api/admin/dead-letters/{id}/retry", as(only("admin"), 404, role ->
                RawHttp.Request.of("POST", "/api/admin/dead-letters/none/retry")));
        EXPECTED.put("GET /api/admin/consistency", as(only("admin"), 200, role ->
                get("/api/admin/consistency?wait=60")));
        EXPECTED.put("POST /api/admin/consistency/checks", as(only("admin"), 202, role ->
                RawHttp.Request.of("POST", "/api/admin/consistency/checks")));
        EXPECTED.put("GET /api/admin/consistency/checks/{id}", as(only("admin"), 200, role ->
                get("/api/admin/consistency/checks/" + check)));
        EXPECTED.put("POST /api/admin/audit/verifications", as(only("admin"), 202, role ->
                RawHttp.Request.of("POST", "/api/admin/audit/verifications")));
        EXPECTED.put("GET /api/admin/audit/verifications/latest", as(only("admin"), 200, role ->
                get("/api/admin/audit/verifications/latest")));
        EXPECTED.put("GET /api/admin/audit/verifications/{id}", as(only("admin"), 200, role ->
                get("/api/admin/audit/verifications/" + verification)));
        EXPECTED.put("GET /api/admin/access-log", as(only("admin"), 200, role -> get("/api/admin/access-log")));
    }

    @BeforeAll
    static void aPartnershipWithDemoPartnerSelected() {
        quarter = PartnershipLife.quarterOf(LocalDate.now(ZoneOffset.UTC));
        String[] selected = World.selected("demo-partner");
        partnership = selected[0];
        partnerId = selected[1];
        World.chartered(partnership);
        World.ok(post("/api/partnerships/" + partnership + "/business-reviews",
                "{\"period\": \"" + quarter + "\", \"attendees\": [\"CLO\"]}"));
        program = World.approvedIn(partnership);
        cohort = World.delivered(program);
        impact = World.created(post("/api/programs/" + program + "/impact", World.impactOf(cohort)), "impactId");
        concern = World.concern(partnership);
        subscription = World.subscription();
        check = World.admin(RawHttp.Request.of("POST", "/api/admin/consistency/checks")).get("id").asText();
        verification = World.admin(RawHttp.Request.of("POST", "/api/admin/audit/verifications")).get("id").asText();
        eventType = ledger.queries("board").get("/api/schemas").json().at("/types/0/type").asText();
        // reads answer 200 once the read models have it, and the audit log once it signed a checkpoint of it
        Http board = ledger.queries("board");
        board.await("/api/programs/" + program + "/impact", r -> r.status() == 200, Duration.ofSeconds(20));
        board.await("/api/partnerships/" + partnership + "/reviews/" + quarter + "/decisions",
                r -> r.status() == 200, Duration.ofSeconds(20));
        board.await("/api/audit/proofs/inclusion?position=1", r -> r.status() == 200, Duration.ofSeconds(30));
    }

    @TestFactory
    List<DynamicTest> everyOperationAnswersEachRoleExactlyWhatItMay() {
        List<Operation> operations = ApiOperations.of(ledger);
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (Operation operation : operations) {
            served.add(operation.key());
            Expected expected = EXPECTED.get(operation.key());
            if (expected == null) {
                tests.add(DynamicTest.dynamicTest(operation + " has no expectation", () -> fail(
                        "%s has no expectation in AccessMatrixIT.EXPECTED: add who may call it, the request they "
                                + "send and what it answers them", operation)));
                continue;
            }
            for (String role : ROLES) {
                tests.add(DynamicTest.dynamicTest(operation.key() + " as " + role, () -> {
                    boolean allowed = expected.allowed().contains(role);
                    RawHttp.Request request = (allowed ? expected.request().apply(role) : refused(operation))
                            .as(role);
                    check(operation, role, request, allowed ? expected.statusFor(role) : 403);
                }));
            }
            tests.add(DynamicTest.dynamicTest(operation.key() + " " + ANONYMOUS, () -> check(operation, ANONYMOUS,
                    expected.anonymous() == 401 ? refused(operation) : expected.request().apply(ANONYMOUS),
                    expected.anonymous())));
        }
        Set<String> notServed = EXPECTED.keySet().stream().filter(key -> !served.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.printf("AccessMatrixIT: %d operations x %d columns (%s and %s) = %d cases%s%n", operations.size(),
                ROLES.size() + 1, String.join(", ", ROLES), ANONYMOUS, operations.size() * (ROLES.size() + 1),
                notServed.isEmpty() ? "" : "; expected but not served (yet): " + notServed);
        return tests;
    }

    /** The request a role that may not call the operation sends: its path on the partnership, {} as a body. */
    private static RawHttp.Request refused(Operation operation) {
        String path = operation.path().replace("{id}", operation.path().startsWith("/api/programs") ? program
                : operation.path().startsWith("/api/subscriptions") ? subscription : partnership)
                .replace("{partnerId}", partnerId).replace("{concernId}", concern).replace("{cohortId}", cohort)
                .replace("{impactId}", impact).replace("{type}", eventType).replace("{name}", "partner-access");
        RawHttp.Request request = RawHttp.Request.of(operation.method(), path.replaceAll("\\{[^}]+}", "none"));
        return operation.body() == null ? request : request.json("{}");
    }

    private static void check(Operation operation, String role, RawHttp.Request request, int expected) {
        assertThat(operation.responses()).as("%s documents the status %s is to get", operation, role)
                .contains(String.valueOf(expected));
        RawHttp.Answer answer = RawHttp.send(operation.port(), request);
        assertThat(answer.status()).as("%s as %s: %s -> %s", operation, role, request, answer).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.isProblem()).as("%s as %s: %s", operation, role, answer).isTrue();
            String code = expected == 401 ? "UNAUTHENTICATED" : expected == 403 ? "FORBIDDEN" : null;
            if (code != null) {
                assertThat(answer.code()).as("%s as %s", operation, role).isEqualTo(code);
            }
        }
    }

    @Test
    void theMetricsAreForAdminsAndHealthForAnyone() {
        for (String role : ROLES) {
            int metrics = ledger.queries(role).get("/actuator/prometheus").status();
            assertThat(metrics).as(role).isEqualTo(role.equals("admin") ? 200 : 403);
        }
        assertThat(Http.localhost(ledger.queryPort()).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Http.localhost(ledger.commandPort()).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aPartnerReadsAndRaisesConcernsOnlyWhereItsOrganisationIsShortlisted() {
        String theirs = World.opened();
        String elsewhere = World.opened();
        World.created(post("/api/partnerships/" + theirs + "/candidates", "{\"organizationId\": \"demo-partner\", "
                + "\"name\": \"Demo Partner\", \"role\": \"CONTENT_PROVIDER\"}"), "partnerId");
        Http partner = ledger.queries("partner");

        partner.await("/api/partnerships/" + theirs + "/history", r -> r.status() == 200, Duration.ofSeconds(10));
        ledger.queries("board").await("/api/partnerships/" + elsewhere, r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(partner.get("/api/partnerships/" + elsewhere + "/history").status()).isEqualTo(404);

        String raise = "{\"raisedBy\": \"CLIENT\", \"subject\": \"Unclear brief\", \"description\": \"d\"}";
        assertThat(ledger.commands("partner").postJson("/api/partnerships/" + theirs + "/concerns", raise).status())
                .isEqualTo(201);
        assertThat(ledger.commands("partner").postJson("/api/partnerships/" + elsewhere + "/concerns", raise)
                .status()).isEqualTo(404);

        JsonNode history = ledger.queries("board").await("/api/partnerships/" + theirs + "/history",
                r -> r.json().get("events").size() == 3, Duration.ofSeconds(10)).json();
        JsonNode raised = history.get("events").get(2);
        assertThat(raised.get("actor").asText()).isEqualTo("partner");
        assertThat(raised.get("payload").get("raisedBy").asText()).as("a partner speaks for the partner side")
                .isEqualTo("PARTNER");
    }

    @Test
    void withoutCredentialsEverythingIs401AndWithWrongOnesToo() {
        for (Http http : List.of(Http.localhost(ledger.commandPort()), Http.localhost(ledger.queryPort()),
                Http.localhost(ledger.queryPort()).withBasic("board", "not-the-password"))) {
            assertThat(http.postJson("/api/partnerships", OPEN).status()).isEqualTo(401);
            assertThat(http.get("/api/partnerships/" + partnership + "/history").status()).isEqualTo(401);
        }
    }

    @Test
    void theActorRecordedIsTheAuthenticatedUser() {
        JsonNode history = ledger.queries("analyst").await("/api/partnerships/" + partnership + "/history",
                r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(history.get("events").get(0).get("actor").asText()).isEqualTo("manager");
    }

    /** Builds what a command needs, through the command API as the manager; each call makes new aggregates. */
    static final class World {

        private World() {
        }

        static JsonNode ok(RawHttp.Request request) {
            RawHttp.Answer answer = RawHttp.send(ledger.commandPort(), request.as("manager"));
            assertThat(answer.status()).as("%s -> %s", request, answer).isBetween(200, 201);
            return answer.json();
        }

        static String created(RawHttp.Request request, String field) {
            return ok(request).get(field).asText();
        }

        static JsonNode admin(RawHttp.Request request) {
            RawHttp.Answer answer = RawHttp.send(ledger.queryPort(), request.as("admin"));
            assertThat(answer.status()).as("%s -> %s", request, answer).isBetween(200, 202);
            return answer.json();
        }

        static String opened() {
            return created(post("/api/partnerships", OPEN), "partnershipId");
        }

        static String chartered() {
            return chartered(opened());
        }

        /** The partnership with a charter whose steering members (CLO, Head of Sales) may approve programs. */
        static String chartered(String id) {
            ok(put("/api/partnerships/" + id + "/governance-charter",
                    "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
            return id;
        }

        static final String AGREEMENT =
                "{\"termStart\": \"2026-01-01\", \"termEnd\": \"2027-12-31\", \"renewalDate\": \"2027-09-30\"}";

        /** A chartered partnership with a business review of this quarter that took one action. */
        static String reviewed() {
            String id = chartered();
            ok(post("/api/partnerships/" + id + "/business-reviews", "{\"period\": \"" + quarter
                    + "\", \"attendees\": [\"CLO\"], \"actions\": [{\"description\": \"Measure\", "
                    + "\"ownerSide\": \"CLIENT\", \"owner\": \"CLO\", \"dueDate\": \"2026-12-31\"}]}"));
            return id;
        }

        static String signed() {
            String id = opened();
            ok(post("/api/partnerships/" + id + "/agreement", AGREEMENT));
            return id;
        }

        static String split() {
            String id = opened();
            ok(put("/api/partnerships/" + id + "/cost-sharing", "{\"currency\": \"EUR\", \"totalBudget\": 1000, "
                    + "\"reason\": \"Split\", \"shares\": [{\"businessUnit\": \"Sales\", \"percent\": 100}]}"));
            return id;
        }

        static String concern(String partnershipId) {
            return created(post("/api/partnerships/" + partnershipId + "/concerns",
                    "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late\", \"description\": \"d\"}"), "concernId");
        }

        /** A new partnership and the organisation shortlisted in it: {partnershipId, partnerId}. */
        static String[] candidate(String organization) {
            String id = opened();
            String partner = created(post("/api/partnerships/" + id + "/candidates", "{\"organizationId\": \""
                    + organization + "\", \"name\": \"Partner\", \"role\": \"TRAINING_PROVIDER\"}"), "partnerId");
            return new String[] {id, partner};
        }

        /** A candidate assessed on every required criterion with a pass. */
        static String[] assessed(String organization) {
            String[] candidate = candidate(organization);
            for (String criterion : List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
                ok(post("/api/partnerships/" + candidate[0] + "/candidates/" + candidate[1] + "/due-diligence",
                        "{\"criterion\": \"" + criterion + "\", \"score\": 4, \"evidence\": \"https://dms.example/dd/references.pdf\"}"));
            }
            return candidate;
        }

        static String[] selected(String organization) {
            String[] candidate = assessed(organization);
            ok(post("/api/partnerships/" + candidate[0] + "/candidates/" + candidate[1] + "/selection",
                    "{\"reason\": \"Best fit\"}"));
            return candidate;
        }

        static String proposal(String partnershipId) {
            return """
                    {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                     "audience": "New reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                     "reason": "First cohort"}""".formatted(partnershipId);
        }

        static String proposed() {
            return created(post("/api/programs", proposal(chartered())), "programId");
        }

        static String approvedIn(String partnershipId) {
            String id = created(post("/api/programs", proposal(partnershipId)), "programId");
            ok(post("/api/programs/" + id + "/approval", "{\"approvedBy\": \"Head of Sales\"}"));
            return id;
        }

        static String approved() {
            return approvedIn(chartered());
        }

        /** An xAPI statement after the specification's simplest example. */
        static final String STATEMENT = """
                {"id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0", "actor": {"mbox": "mailto:xapi@adlnet.gov"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/created", "display": {"en-US": "created"}},
                 "object": {"id": "http://example.adlnet.gov/xapi/example/activity"}}""";

        static final String CURATION = """
                {"approach": "MOOC", "title": "Negotiation basics", "provider": "Coursera", "businessUnit": "Sales",
                 "curator": "Maria", "gap": "Negotiation", "rationale": "Short and well rated"}""";

        /** An approved program with a localisation, {programId, localizationId}; behind a pivot of the core if asked. */
        static String[] localized(boolean behindTheCore) {
            String id = approvedIn(chartered());
            String localization = created(post("/api/programs/" + id + "/localizations",
                    "{\"region\": \"LATAM\", \"language\": \"es\", \"timeZone\": \"America/Lima\"}"),
                    "localizationId");
            if (behindTheCore) {
                ok(post("/api/programs/" + id + "/pivots", "{\"reason\": \"KPI stalled\", \"trigger\": \"KPI_GAP\", "
                        + "\"addModules\": [\"AI\"], \"approvedBy\": \"CLO\"}"));
            }
            return new String[] {id, localization};
        }

        static String cohort(String programId) {
            return created(post("/api/programs/" + programId + "/cohorts",
                    "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}"), "cohortId");
        }

        static String delivered(String programId) {
            String id = cohort(programId);
            ok(post("/api/programs/" + programId + "/cohorts/" + id + "/delivery",
                    "{\"deliveredOn\": \"2026-09-30\", \"participantsCompleted\": 18, \"facilitator\": \"Ana\"}"));
            return id;
        }

        static String impactOf(String cohortId) {
            return """
                    {"level": 1, "kpiId": "ttq", "value": 4.5, "unit": "points", "cohortId": "%s",
                     "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "SURVEY", "evidence": []}"""
                    .formatted(cohortId);
        }

        static String subscription() {
            RawHttp.Answer answer = RawHttp.send(ledger.queryPort(), post("/api/subscriptions",
                    "{\"url\": \"http://localhost:9/hook\", \"types\": [\"ledger.program.*\"], \"after\": 999999999}")
                    .as("integration"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            return answer.json().get("subscriptionId").asText();
        }
    }
}
