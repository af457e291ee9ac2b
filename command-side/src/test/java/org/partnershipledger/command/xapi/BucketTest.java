package org.partnershipledger.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiMappingSet;
import org.partnershipledger.events.program.XapiMeasure;
import org.partnershipledger.events.program.XapiRule;

/** How a statement finds its program's buckets, and how a bucket's statements become one figure and its evidence. */
class BucketTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COURSE = "http://lms.example.com/courses/selling";
    static final String PROGRAM = "http://lms.example.com/programs/academy";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String COHORT = "http://ledger.example.com/xapi/cohort";
    static final XapiMappingSet MAPPING = new XapiMappingSet(new ProgramId("prog-1"), List.of(COURSE),
            List.of(PROGRAM), List.of(new XapiRule(PASSED, "ttq", 2, XapiMeasure.SCORE_SCALED_MEAN, COHORT, null),
            new XapiRule(PASSED, "ttq", 2, XapiMeasure.SUCCESS_RATE, null, null),
            new XapiRule("http://adlnet.gov/expapi/verbs/completed", "ttq", 1, XapiMeasure.COUNT, null, null)),
            false);

    static JsonNode statement(String json) throws Exception {
        return StatementRules.validated(JSON.readTree(json));
    }

    static String passed(String object, String context, String result) {
        return """
                {"actor": {"mbox": "mailto:ann@example.com"}, "verb": {"id": "%s"}, "object": {"id": "%s"},
                 "result": %s, "context": %s, "timestamp": "2026-08-14T23:30:00-02:00"}"""
                .formatted(PASSED, object, result, context);
    }

    @Test
    void aStatementIsTheProgramsByItsObjectOrItsContextActivities() throws Exception {
        assertThat(Bucket.names(MAPPING, statement(passed(COURSE, "{}", "{}")))).isTrue();
        assertThat(Bucket.names(MAPPING, statement(passed("http://other.example.com/x",
                "{\"contextActivities\": {\"grouping\": {\"id\": \"" + PROGRAM + "\"}}}", "{}")))).isTrue();
        assertThat(Bucket.names(MAPPING, statement(passed("http://other.example.com/x", "{}", "{}")))).isFalse();
    }

    @Test
    void eachRuleOfTheVerbWhoseMeasureTheStatementFeedsIsABucket() throws Exception {
        List<Bucket.Entry> entries = Bucket.entries(MAPPING, statement(passed(COURSE,
                "{\"extensions\": {\"" + COHORT + "\": \"c-7\"}}", "{\"score\": {\"scaled\": 0.8}, \"success\": true}")));
        assertThat(entries).extracting(e -> e.bucket().measure())
                .containsExactly(XapiMeasure.SCORE_SCALED_MEAN, XapiMeasure.SUCCESS_RATE);
        assertThat(entries.get(0).bucket().cohortId()).isEqualTo("c-7");
        assertThat(entries.get(0).figure()).isEqualByComparingTo("0.8");
        assertThat(entries.get(1).figure()).isEqualByComparingTo("1");
        // the quarter of the timestamp in UTC: 2026-08-15T01:30Z
        assertThat(entries.get(0).bucket().period()).isEqualTo("2026-Q3");
        assertThat(entries.get(0).bucket().periodStart()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(entries.get(0).bucket().periodEnd()).isEqualTo(LocalDate.parse("2026-09-30"));
    }

    @Test
    void aStatementWithoutWhatTheMeasureReadsDoesNotCount() throws Exception {
        assertThat(Bucket.entries(MAPPING, statement(passed(COURSE, "{}", "{\"completion\": true}")))).isEmpty();
    }

    @Test
    void theSameBucketHasTheSameIdEverywhere() {
        Bucket bucket = new Bucket("prog-1", "ttq", 2, XapiMeasure.COUNT, null, "EMEA", "2026-Q3");
        assertThat(bucket.id()).isEqualTo(new Bucket("prog-1", "ttq", 2, XapiMeasure.COUNT, null, "EMEA", "2026-Q3")
                .id());
        assertThat(bucket.id()).isNotEqualTo(new Bucket("prog-1", "ttq", 2, XapiMeasure.COUNT, "EMEA", null,
                "2026-Q3").id());
    }

    @Test
    void figuresAreMeansRatesOrCounts() {
        List<BigDecimal> figures = List.of(new BigDecimal("0.8"), new BigDecimal("0.9"), BigDecimal.ZERO);
        assertThat(ImpactFeed.value(XapiMeasure.SCORE_SCALED_MEAN, figures)).isEqualByComparingTo("56.67");
        assertThat(ImpactFeed.value(XapiMeasure.COMPLETION_RATE, List.of(BigDecimal.ONE, BigDecimal.ZERO)))
                .isEqualByComparingTo("50.00");
        assertThat(ImpactFeed.value(XapiMeasure.RESPONSE_MEAN, List.of(new BigDecimal("4"), new BigDecimal("5"))))
                .isEqualByComparingTo("4.50");
        assertThat(ImpactFeed.value(XapiMeasure.COUNT, figures)).isEqualByComparingTo("3");
    }

    @Test
    void evidenceListsUpToFiftyStatementsThenADigestAndTheQuery() {
        List<String> ids = IntStream.range(0, 51).mapToObj(i -> new UUID(0, i).toString()).toList();
        UUID bucket = UUID.randomUUID();
        assertThat(ImpactFeed.evidence(ids.subList(0, 50), "d", bucket)).hasSize(50)
                .allMatch(reference -> reference.startsWith("XAPI_STATEMENT:"));
        assertThat(ImpactFeed.evidence(ids, Canonical.digest(ids), bucket)).containsExactly(
                "XAPI_STATEMENTS_SHA256:" + Canonical.digest(ids),
                "XAPI_STATEMENTS_QUERY:/api/xapi/statements?bucket=" + bucket);
        List<String> reversed = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertThat(Canonical.digest(ids)).isEqualTo(Canonical.digest(reversed));
    }

    @Test
    void theContentHashIgnoresKeyOrderAndWhatAnLrsAdds() throws Exception {
        JsonNode sent = JSON.readTree("{\"actor\": {\"mbox\": \"mailto:a@example.com\"}, \"verb\": {\"id\": \""
                + PASSED + "\"}, \"object\": {\"id\": \"" + COURSE + "\"}}");
        JsonNode forwarded = JSON.readTree("{\"object\": {\"id\": \"" + COURSE + "\"}, \"verb\": {\"id\": \"" + PASSED
                + "\"}, \"actor\": {\"mbox\": \"mailto:a@example.com\"}, \"stored\": \"2026-08-14T10:00:00Z\", "
                + "\"version\": \"1.0.0\"}");
        assertThat(Canonical.contentHash(sent)).isEqualTo(Canonical.contentHash(forwarded));
        assertThat(Canonical.contentHash(sent)).isNotEqualTo(Canonical.contentHash(JSON.readTree(
                sent.toString().replace("a@example", "b@example"))));
    }

    @Test
    void aFailingSourceBacksOffExponentiallyUpToAnHour() {
        java.time.Duration base = java.time.Duration.ofSeconds(30);
        assertThat(XapiPoller.backoff(base, 1)).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(XapiPoller.backoff(base, 2)).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(XapiPoller.backoff(base, 5)).isEqualTo(java.time.Duration.ofMinutes(8));
        assertThat(XapiPoller.backoff(base, 8)).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(XapiPoller.backoff(base, 60)).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void erasureReplacesEveryAgentWithTheIdentifier() throws Exception {
        JsonNode stored = JSON.readTree("""
                {"actor": {"name": "Ann", "mbox": "mailto:ann@example.com"},
                 "context": {"instructor": {"mbox": "mailto:ann@example.com"},
                             "team": {"objectType": "Group", "member": [{"mbox": "mailto:ann@example.com"},
                                                                         {"mbox": "mailto:bob@example.com"}]}}}""");
        assertThat(Erasure.replace(stored, "mbox:mailto:ann@example.com")).isTrue();
        assertThat(stored.toString()).doesNotContain("ann@example.com").doesNotContain("Ann")
                .contains("bob@example.com");
        assertThat(Erasure.replace(stored, "mbox:mailto:ann@example.com")).isFalse();
    }
}
