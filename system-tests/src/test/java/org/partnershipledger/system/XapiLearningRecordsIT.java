package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.platform.testing.Http;

/**
 * Learning records become impact evidence, over HTTP: statements written after the xAPI specification's examples
 * are pushed by an LRS client and pulled from an LRS stand-in on loopback; both feed the same impact records.
 * Re-sending changes nothing, voiding withdraws, invalid statements are refused and store nothing, and the board's
 * level 1 and 2 figures are computed from statements it can trace back through the evidence.
 */
class XapiLearningRecordsIT {

    static final String V = "X-Experience-API-Version";
    static final String COURSE = "http://lms.acme-retail.example/courses/consultative-selling";
    static final String PROGRAM_CONTEXT = "http://lms.acme-retail.example/programs/field-sales-academy";
    static final String SURVEY = "http://lms.acme-retail.example/surveys/consultative-selling/q1";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String RESPONDED = "http://adlnet.gov/expapi/verbs/responded";
    static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String S1 = "fd41c918-b88b-4b20-a0a5-a4c32391aa01";
    static final String S2 = "fd41c918-b88b-4b20-a0a5-a4c32391aa02";
    static final String S3 = "fd41c918-b88b-4b20-a0a5-a4c32391aa03";
    static final String S4 = "fd41c918-b88b-4b20-a0a5-a4c32391aa04";
    static final String S5 = "fd41c918-b88b-4b20-a0a5-a4c32391aa05";
    static final String S6 = "fd41c918-b88b-4b20-a0a5-a4c32391aa06";
    static final String S7 = "fd41c918-b88b-4b20-a0a5-a4c32391aa07";
    static final String S8 = "fd41c918-b88b-4b20-a0a5-a4c32391aa08";
    static final String S9 = "fd41c918-b88b-4b20-a0a5-a4c32391aa09";
    static final String VOIDING = "fd41c918-b88b-4b20-a0a5-a4c32391aa10";

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    final Http manager = ledger.commands("manager");
    final Http lrsClient = ledger.commands("integration");
    final Http admin = ledger.commands("admin");
    final Http board = ledger.queries("board");
    /** Mid-quarter of the quarter before this one: a period that has ended. */
    final LocalDate day = firstOfQuarter(LocalDate.now(ZoneOffset.UTC).minusMonths(3)).plusDays(10);
    final String when = day + "T10:15:00Z";
    HttpServer lrs;
    final List<String> lrsRequests = new CopyOnWriteArrayList<>();
    String program;

    @AfterEach
    void stopLrs() {
        if (lrs != null) {
            lrs.stop(0);
        }
    }

    static LocalDate firstOfQuarter(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /** A statement after the specification's examples: an agent by mbox, a verb, an activity, a scaled score. */
    String statement(String id, String learner, String verb, String activity, Double scaled, boolean inProgram) {
        return """
                {"id": "%s", "actor": {"objectType": "Agent", "name": "%s", "mbox": "mailto:%s@example.com"},
                 "verb": {"id": "%s", "display": {"en-US": "%s"}},
                 "object": {"objectType": "Activity", "id": "%s",
                            "definition": {"name": {"en-US": "Consultative selling"},
                                           "type": "http://adlnet.gov/expapi/activities/assessment"}},
                 %s
                 "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                             "contextActivities": {"parent": {"id": "%s"}}, "language": "en-US"},
                 "timestamp": "%s"}""".formatted(id, learner, learner.toLowerCase(), verb,
                verb.substring(verb.lastIndexOf('/') + 1), activity,
                scaled == null ? "\"result\": {\"completion\": true, \"duration\": \"PT1H30M\"},"
                        : "\"result\": {\"score\": {\"scaled\": " + scaled + ", \"raw\": " + Math.round(scaled * 100)
                        + ", \"min\": 0, \"max\": 100}, \"success\": true, \"completion\": true},",
                inProgram ? PROGRAM_CONTEXT : "http://lms.acme-retail.example/programs/other", when);
    }

    @Test
    void learningRecordsPushedAndPulledBecomeTraceableImpact() throws Exception {
        setUpProgram();
        String g = "/api/programs/" + program;

        // push: assessment scores (level 2), survey answers (level 1), a completion, one statement of no program
        String batch = "[" + String.join(",", statement(S1, "Ann", PASSED, COURSE, 0.8, true),
                statement(S2, "Bob", PASSED, COURSE, 0.9, true), statement(S3, "Ann", RESPONDED, SURVEY, 0.8, true),
                statement(S4, "Bob", ANSWERED, SURVEY, 1.0, true), statement(S5, "Ann", COMPLETED, COURSE, null, true),
                statement(S6, "Eve", PASSED, "http://lms.acme-retail.example/courses/other", 0.1, false)) + "]";
        Http.Response pushed = lrsClient.postJson("/api/xapi/statements", batch, V, "1.0.3");
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.header(V)).isEqualTo("1.0.3");
        assertThat(pushed.json().toString()).isEqualTo("[\"" + String.join("\",\"", S1, S2, S3, S4, S5, S6) + "\"]");

        impactOf(g, "ttq", 1, "90.00");
        JsonNode ttq = impactOf(g, "ttq", 2, "85.00");
        assertThat(level(ttq, 1).get("latestValue").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(evidence(level(ttq, 2))).containsExactlyInAnyOrder("XAPI_STATEMENT:" + S1, "XAPI_STATEMENT:" + S2);
        assertThat(evidence(level(ttq, 1))).containsExactlyInAnyOrder("XAPI_STATEMENT:" + S3, "XAPI_STATEMENT:" + S4);
        JsonNode completions = impactOf(g, "cmp", 1, "1");
        assertThat(level(completions, 1).get("records").get(0).get("source").asText()).isEqualTo("XAPI");
        JsonNode unmapped = admin.get("/api/xapi/unmapped").json();
        assertThat(unmapped.get("count").asLong()).isEqualTo(1);
        assertThat(unmapped.get("latest").get(0).get("statementId").asText()).isEqualTo(S6);
        assertThat(unmapped.toString()).doesNotContain("mailto:");

        // re-sending changes nothing: same ids, no new record
        long recordsBefore = records(g);
        assertThat(lrsClient.postJson("/api/xapi/statements", batch, V, "1.0.3").status()).isEqualTo(200);
        assertThat(lrsClient.putJson("/api/xapi/statements?statementId=" + S1,
                statement(S1, "Ann", PASSED, COURSE, 0.8, true), V, "2.0.0").status()).isEqualTo(204);
        // the same id with other content is a conflict
        refused(lrsClient.putJson("/api/xapi/statements?statementId=" + S1,
                statement(S1, "Ann", PASSED, COURSE, 0.1, true), V, "1.0.3"), 409, "XAPI_STATEMENT_CONFLICT");
        // a batch with one invalid statement (a scaled score above 1) stores nothing
        Http.Response invalid = lrsClient.postJson("/api/xapi/statements", "[" + statement(S7, "Cid", PASSED, COURSE,
                0.5, true) + "," + statement(S9, "Cid", PASSED, COURSE, 0.5, true).replace("\"scaled\": 0.5",
                "\"scaled\": 1.5") + "]", V, "1.0.3");
        refused(invalid, 400, "XAPI_STATEMENT_INVALID");
        assertThat(invalid.json().get("detail").asText()).contains("statements[1]").contains("result.score.scaled");
        refused(lrsClient.postJson("/api/xapi/statements", statement(S7, "Cid", PASSED, COURSE, 0.5, true)
                .replace("\"actor\": {\"objectType\": \"Agent\", \"name\": \"Cid\", "
                        + "\"mbox\": \"mailto:cid@example.com\"},", ""), V, "1.0.3"), 400, "XAPI_STATEMENT_INVALID");
        Http.Response noVersion = lrsClient.postJson("/api/xapi/statements", statement(S7, "Cid", PASSED, COURSE,
                0.5, true), "Accept", "application/json");
        refused(noVersion, 400, "XAPI_VERSION_MISSING");
        assertThat(noVersion.header(V)).isEqualTo("2.0.0");
        refused(lrsClient.postJson("/api/xapi/statements", statement(S7, "Cid", PASSED, COURSE, 0.5, true), V,
                "0.95"), 400, "XAPI_VERSION_UNSUPPORTED");
        refused(lrsClient.get("/api/xapi/statements?statementId=" + S7, V, "1.0.3"), 404, "XAPI_STATEMENT_NOT_FOUND");
        assertThat(records(g)).isEqualTo(recordsBefore);

        // pull: the LRS stand-in pages with more; it has S1 again (unchanged) and Carol's two new statements
        startLrs(List.of(statement(S1, "Ann", PASSED, COURSE, 0.8, true), statement(S8, "Carol", PASSED, COURSE,
                0.7, true)), List.of(statement(S9, "Carol", RESPONDED, SURVEY, 0.6, true)));
        String endpoint = "http://127.0.0.1:" + lrs.getAddress().getPort() + "/xapi";
        Http.Response configured = admin.putJson("/api/xapi/sources/acme-lrs", """
                {"endpoint": "%s", "username": "ledger", "password": "s3cret", "activity": "%s",
                 "relatedActivities": true}""".formatted(endpoint, PROGRAM_CONTEXT));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(configured.toString()).doesNotContain("s3cret");
        JsonNode polled = admin.postJson("/api/xapi/sources/acme-lrs/poll", "{}").json();
        assertThat(polled.get("failures").asInt()).as(polled.toString()).isZero();
        assertThat(polled.get("received").asLong()).isEqualTo(2);
        assertThat(polled.get("more").isNull()).isTrue();
        assertThat(polled.get("since").asText()).isNotBlank();
        // the schedule may have polled first: then this poll found nothing new, and asked once more
        assertThat(lrsRequests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lrsRequests.get(0)).contains("activity=").contains("related_activities=true")
                .contains("Basic " + Base64.getEncoder().encodeToString("ledger:s3cret".getBytes(StandardCharsets.UTF_8)))
                .contains("1.0.3");
        assertThat(FaultKit.strings(ledger.database, "SELECT password FROM command_side.xapi_source"))
                .as("the password is kept sealed").allMatch(stored -> stored.startsWith("sealed:")
                        && !stored.contains("s3cret"));
        assertThat(lrsRequests.get(1)).contains("page=2");

        ttq = impactOf(g, "ttq", 2, "80.00");
        assertThat(evidence(level(ttq, 2))).containsExactlyInAnyOrder("XAPI_STATEMENT:" + S1, "XAPI_STATEMENT:" + S2,
                "XAPI_STATEMENT:" + S8);
        assertThat(level(impactOf(g, "ttq", 1, "80.00"), 1).get("latestValue").decimalValue())
                .isEqualByComparingTo("80.00");
        ttq = impactOf(g, "ttq", 2, "80.00");
        awaitWithdrawal(g, "ttq", 2, reason -> reason.startsWith("Superseded")
                && reason.contains("now impact record"));

        // polling again finds nothing new and changes nothing
        long afterPull = records(g);
        admin.postJson("/api/xapi/sources/acme-lrs/poll", "{}");
        assertThat(records(g)).isEqualTo(afterPull);

        // an LRS that does not answer: the source backs off and says so
        admin.putJson("/api/xapi/sources/down", "{\"endpoint\": \"http://127.0.0.1:9/xapi\"}");
        JsonNode down = admin.postJson("/api/xapi/sources/down/poll", "{}").json();
        assertThat(down.get("failures").asInt()).isPositive();
        assertThat(down.get("lastError").asText()).isNotBlank();
        assertThat(down.get("nextAttemptAt").asText()).isNotBlank();
        // the schedule polls a new source by itself, from the start of its cursor
        admin.putJson("/api/xapi/sources/scheduled", "{\"endpoint\": \"%s\"}".formatted(endpoint));
        admin.await("/api/xapi/sources", r -> r.json().toString().contains("\"name\":\"scheduled\"")
                && !sourceNamed(r.json(), "scheduled").get("lastSuccessAt").isNull(), Duration.ofSeconds(30));
        assertThat(records(g)).isEqualTo(afterPull);
        JsonNode sources = admin.get("/api/xapi/sources").json();
        assertThat(sources).hasSize(3);
        assertThat(sources.toString()).doesNotContain("s3cret").contains("\"passwordSet\":true");

        // voiding Bob's assessment withdraws the level-2 record and records it again without him
        String voiding = """
                {"id": "%s", "actor": {"objectType": "Agent", "name": "Example Admin",
                                       "mbox": "mailto:admin@example.adlnet.gov"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(VOIDING, S2);
        assertThat(lrsClient.postJson("/api/xapi/statements", voiding, V, "1.0.3").status()).isEqualTo(200);
        ttq = impactOf(g, "ttq", 2, "75.00");
        assertThat(evidence(level(ttq, 2))).containsExactlyInAnyOrder("XAPI_STATEMENT:" + S1, "XAPI_STATEMENT:" + S8);
        awaitWithdrawal(g, "ttq", 2, reason -> reason.contains(S2) && reason.contains("voided"));
        refused(lrsClient.get("/api/xapi/statements?statementId=" + S2, V, "1.0.3"), 404, "XAPI_STATEMENT_NOT_FOUND");
        assertThat(lrsClient.get("/api/xapi/statements?voidedStatementId=" + S2, V, "1.0.3").status()).isEqualTo(200);

        // the board's level 1 and 2 figures, traced back to the statements through the evidence
        for (int level : new int[] {1, 2}) {
            JsonNode counted = level(ttq, level);
            List<BigDecimal> scores = new ArrayList<>();
            for (String reference : evidence(counted)) {
                String id = reference.substring("XAPI_STATEMENT:".length());
                Http.Response read = admin.get("/api/xapi/statements?statementId=" + id, V, "1.0.3");
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.header("X-Experience-API-Consistent-Through")).isNotBlank();
                assertThat(read.header(V)).isEqualTo("1.0.3");
                assertThat(read.json().get("stored").asText()).isNotBlank();
                assertThat(read.json().get("version").asText()).startsWith("1.0");
                scores.add(read.json().at("/result/score/scaled").decimalValue());
            }
            BigDecimal mean = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scores.size()), 4, java.math.RoundingMode.HALF_UP).movePointRight(2);
            assertThat(counted.get("latestValue").decimalValue()).isEqualByComparingTo(mean);
        }

        // erasure: Ann leaves the statements, her statements' ids and the figures stay
        long beforeErasure = records(g);
        JsonNode erased = admin.postJson("/api/xapi/erasures", "{\"agent\": {\"mbox\": \"mailto:ann@example.com\"}}")
                .json();
        assertThat(erased.get("statements").asInt()).isEqualTo(3);
        JsonNode s1 = admin.get("/api/xapi/statements?statementId=" + S1, V, "1.0.3").json();
        assertThat(s1.toString()).doesNotContain("ann@example.com").doesNotContain("\"Ann\"");
        assertThat(lrsClient.putJson("/api/xapi/statements?statementId=" + S1,
                statement(S1, "Ann", PASSED, COURSE, 0.8, true), V, "1.0.3").status()).isEqualTo(204);
        assertThat(records(g)).isEqualTo(beforeErasure);
        assertThat(level(impactOf(g, "ttq", 2, "75.00"), 2).get("latestValue").decimalValue())
                .isEqualByComparingTo("75.00");

        // a replaced mapping applies to the statements stored already: Eve's course now counts, and was unmapped
        String remapped = """
                {"activityIds": ["%s", "http://lms.acme-retail.example/courses/other"], "contextActivityIds": ["%s"],
                 "rules": [{"verb": "%s", "kpiId": "ttq", "level": 2, "measure": "SCORE_SCALED_MEAN"},
                           {"verb": "%s", "kpiId": "ttq", "level": 1, "measure": "SCORE_SCALED_MEAN"}],
                 "reason": "The other course belongs to the academy too; completions are counted elsewhere"}"""
                .formatted(COURSE, PROGRAM_CONTEXT, PASSED, RESPONDED);
        assertThat(manager.putJson(g + "/xapi-mapping", remapped).status()).isEqualTo(200);
        ttq = impactOf(g, "ttq", 2, "53.33");
        assertThat(evidence(level(ttq, 2))).containsExactlyInAnyOrder("XAPI_STATEMENT:" + S1, "XAPI_STATEMENT:" + S8,
                "XAPI_STATEMENT:" + S6);
        // Bob's answer (the answered verb) no longer counts at level 1: the mean of Ann's and Carol's answers
        assertThat(level(impactOf(g, "ttq", 1, "70.00"), 1).get("latestValue").decimalValue())
                .isEqualByComparingTo("70.00");
        // completions are no longer mapped: their record is withdrawn, naming why
        JsonNode cmp = board.await(g + "/impact", r -> level(kpi(r.json(), "cmp"), 1).get("recordCount").asInt() == 0,
                Duration.ofSeconds(20)).json();
        assertThat(withdrawalReasons(level(kpi(cmp, "cmp"), 1))).anyMatch(reason -> reason.contains("mapping"));
        assertThat(admin.get("/api/xapi/unmapped").json().get("count").asLong()).isZero();

        // the buckets say which record holds each figure, and a retired program keeps its figures
        JsonNode buckets = admin.get("/api/xapi/buckets?programId=" + program).json();
        String levelTwo = null;
        for (JsonNode bucket : buckets) {
            levelTwo = bucket.get("level").asInt() == 2 ? bucket.get("bucketId").asText() : levelTwo;
        }
        JsonNode counted = admin.get("/api/xapi/statements?bucket=" + levelTwo, V, "1.0.3").json();
        assertThat(counted.get("statements")).extracting(statement -> statement.get("id").asText())
                .containsExactly(S1, S6, S8);
        assertThat(counted.get("more").asText()).isEmpty();
        assertThat(buckets.toString()).doesNotContain("mailto:");
        assertThat(buckets).anySatisfy(bucket -> {
            assertThat(bucket.get("level").asInt()).isEqualTo(2);
            assertThat(bucket.get("value").decimalValue()).isEqualByComparingTo("53.33");
            assertThat(bucket.get("statements").asInt()).isEqualTo(3);
            assertThat(bucket.get("impactId").asText()).isNotBlank();
        });

        // a business unit sourcing the MOOC course it curated: the statement is recorded against the curation
        String mooc = "https://www.coursera.org/learn/negotiation";
        String curation = field(manager.postJson(g + "/curations", """
                {"approach": "MOOC", "title": "Negotiation basics", "uri": "%s", "provider": "Coursera",
                 "businessUnit": "Sales EMEA", "curator": "Maria", "gap": "Negotiation",
                 "rationale": "Short and well rated"}""".formatted(mooc)), "curationId");
        String sourced = "fd41c918-b88b-4b20-a0a5-a4c32391aa11";
        assertThat(lrsClient.postJson("/api/xapi/statements", """
                {"id": "%s", "actor": {"objectType": "Agent", "name": "Maria", "mbox": "mailto:maria@example.com"},
                 "verb": {"id": "http://activitystrea.ms/schema/1.0/source", "display": {"en-US": "sourced"}},
                 "object": {"id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/course",
                            "name": {"en-US": "Negotiation basics"}}},
                 "timestamp": "%s"}""".formatted(sourced, mooc, when), V, "1.0.3").status()).isEqualTo(200);
        JsonNode curated = board.await(g, r -> r.status() == 200 && r.json().get("curations").size() == 1
                && r.json().get("curations").get(0).get("uses").size() == 1, Duration.ofSeconds(20)).json();
        assertThat(curated.get("curations").get(0).get("curationId").asText()).isEqualTo(curation);
        assertThat(curated.get("curations").get(0).get("uses").get(0).get("ref").asText()).isEqualTo(sourced);
        assertThat(curated.get("curations").get(0).get("uses").get(0).get("type").asText())
                .isEqualTo("XAPI_STATEMENT");

        // a retired program refuses new records: its figures stay, and the bucket says why
        assertThat(manager.postJson(g + "/retirement", "{\"reason\": \"The academy closed\"}").status())
                .isEqualTo(200);
        long beforeLate = records(g);
        assertThat(lrsClient.postJson("/api/xapi/statements", statement("fd41c918-b88b-4b20-a0a5-a4c32391aa12",
                "Dan", PASSED, COURSE, 0.9, true), V, "1.0.3").status()).isEqualTo(200);
        JsonNode late = admin.get("/api/xapi/buckets?programId=" + program).json();
        assertThat(late).anySatisfy(bucket -> {
            assertThat(bucket.get("level").asInt()).isEqualTo(2);
            assertThat(bucket.get("value").decimalValue()).isEqualByComparingTo("53.33");
            assertThat(bucket.get("lastError").asText()).contains("retired");
        });
        assertThat(records(g)).isEqualTo(beforeLate);
    }

    private void setUpProgram() {
        String partnership = field(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90},
                          {"kpiId": "cmp", "name": "Course completions", "unit": "learners", "baseline": 0,
                           "target": 200}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        String p = "/api/partnerships/" + partnership;
        assertThat(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"Head of Sales\"]}").status()).isEqualTo(200);
        program = field(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New sales reps", "kpiTargets": ["ttq", "cmp"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort"}""".formatted(partnership)), "programId");
        String g = "/api/programs/" + program;
        assertThat(manager.postJson(g + "/approval", "{\"approvedBy\": \"Head of Sales\"}").status()).isEqualTo(200);
        String mapping = """
                {"activityIds": ["%s"], "contextActivityIds": ["%s"],
                 "rules": [{"verb": "%s", "kpiId": "ttq", "level": 2, "measure": "SCORE_SCALED_MEAN"},
                           {"verb": "%s", "kpiId": "ttq", "level": 1, "measure": "SCORE_SCALED_MEAN"},
                           {"verb": "%s", "kpiId": "ttq", "level": 1, "measure": "SCORE_SCALED_MEAN"},
                           {"verb": "%s", "kpiId": "cmp", "level": 1, "measure": "COUNT"}]}"""
                .formatted(COURSE, PROGRAM_CONTEXT, PASSED, RESPONDED, ANSWERED, COMPLETED);
        refused(manager.putJson(g + "/xapi-mapping", mapping.replace("\"level\": 2", "\"level\": 5")), 400,
                "VALIDATION_FAILED");
        refused(manager.putJson(g + "/xapi-mapping", mapping.replace("\"cmp\"", "\"nps\"")), 409, "UNKNOWN_KPI");
        assertThat(manager.putJson(g + "/xapi-mapping", mapping).status()).isEqualTo(200);
        refused(manager.putJson(g + "/xapi-mapping", mapping), 400, "REASON_REQUIRED");
    }

    /** The program's impact for a KPI once the level shows the value expected. */
    private JsonNode impactOf(String g, String kpiId, int level, String expected) {
        Http.Response response = board.await(g + "/impact", r -> r.status() == 200 && kpi(r.json(), kpiId) != null
                && level(kpi(r.json(), kpiId), level).hasNonNull("latestValue")
                && level(kpi(r.json(), kpiId), level).get("latestValue").decimalValue()
                .compareTo(new BigDecimal(expected)) == 0, Duration.ofSeconds(20));
        return kpi(response.json(), kpiId);
    }

    private static JsonNode sourceNamed(JsonNode sources, String name) {
        for (JsonNode source : sources) {
            if (source.get("name").asText().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("No source " + name + " in " + sources);
    }

    private static JsonNode kpi(JsonNode impact, String kpiId) {
        for (JsonNode kpi : impact.get("kpis")) {
            if (kpi.get("kpiId").asText().equals(kpiId)) {
                return kpi;
            }
        }
        return null;
    }

    private static JsonNode level(JsonNode kpi, int level) {
        return kpi.get("levels").get(level - 1);
    }

    /** The evidence of the level's record that counts (the latest one not withdrawn). */
    private static List<String> evidence(JsonNode level) {
        List<String> evidence = new ArrayList<>();
        for (JsonNode record : level.get("records")) {
            if (!record.get("withdrawn").asBoolean()
                    && record.get("value").decimalValue().compareTo(level.get("latestValue").decimalValue()) == 0) {
                record.get("evidence").forEach(reference -> evidence.add(reference.asText()));
                return evidence;
            }
        }
        return evidence;
    }

    /** Waits until the level has a withdrawn record whose reason matches (the new record may be read first). */
    private void awaitWithdrawal(String g, String kpiId, int level, java.util.function.Predicate<String> reason) {
        board.await(g + "/impact", r -> r.status() == 200 && withdrawalReasons(level(kpi(r.json(), kpiId), level))
                .stream().anyMatch(reason), Duration.ofSeconds(20));
    }

    private static List<String> withdrawalReasons(JsonNode level) {
        List<String> reasons = new ArrayList<>();
        level.get("records").forEach(record -> {
            if (record.get("withdrawn").asBoolean()) {
                reasons.add(record.get("withdrawalReason").asText());
            }
        });
        return reasons;
    }

    /** How many impact records the program has, withdrawn ones included, as the board reads them. */
    private long records(String g) {
        board.await(g, r -> r.status() == 200, Duration.ofSeconds(10));
        long count = 0;
        for (JsonNode kpi : board.get(g + "/impact").json().get("kpis")) {
            for (JsonNode level : kpi.get("levels")) {
                count += level.get("records").size();
            }
        }
        return count;
    }

    /** An LRS on loopback: GET /xapi/statements answers the first page with a more link to the second. */
    private void startLrs(List<String> first, List<String> second) throws IOException {
        lrs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> pages = new ConcurrentHashMap<>();
        pages.put("1", "{\"statements\": [" + String.join(",", stored(first))
                + "], \"more\": \"/xapi/statements?page=2\"}");
        pages.put("2", "{\"statements\": [" + String.join(",", stored(second)) + "], \"more\": \"\"}");
        lrs.createContext("/xapi/statements", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            lrsRequests.add(query + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst(V));
            byte[] body = pages.get(query != null && query.contains("page=2") ? "2" : "1")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add(V, "1.0.3");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lrs.start();
    }

    /** As an LRS answers them: with stored and authority. */
    private List<String> stored(List<String> statements) {
        return statements.stream().map(s -> s.substring(0, s.lastIndexOf('}')) + ", \"stored\": \"" + day
                + "T12:00:00.000Z\", \"authority\": {\"objectType\": \"Agent\", \"account\": {\"homePage\": "
                + "\"http://lrs.acme-retail.example\", \"name\": \"forwarder\"}}}").toList();
    }

    private static String field(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static void refused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
