package org.partnershipledger.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The statement rules of xAPI 1.0.3 and 2.0.0, on statements written after the specification's own examples. */
class StatementRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ACTOR = "{\"mbox\": \"mailto:xapi@adlnet.gov\", \"name\": \"Project Tin Can API\"}";
    static final String VERB = "{\"id\": \"http://adlnet.gov/expapi/verbs/created\", \"display\": {\"en-US\": \"created\"}}";
    static final String OBJECT = "{\"id\": \"http://example.adlnet.gov/xapi/example/activity\"}";

    /** A statement with the three required properties, and {@code more} added at the top level. */
    static String statement(String actor, String verb, String object, String more) {
        return "{\"actor\": " + actor + ", \"verb\": " + verb + ", \"object\": " + object
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    static String with(String more) {
        return statement(ACTOR, VERB, OBJECT, more);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("the simplest statement", with("")),
                Arguments.of("with an id", with("\"id\": \"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\"")),
                Arguments.of("with a timestamp", with("\"timestamp\": \"2015-11-18T12:17:00+00:00\"")),
                Arguments.of("version 1.0.3", with("\"version\": \"1.0.3\"")),
                Arguments.of("version 2.0.0", with("\"version\": \"2.0.0\"")),
                Arguments.of("actor by mbox_sha1sum", statement(
                        "{\"mbox_sha1sum\": \"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}", VERB, OBJECT, "")),
                Arguments.of("actor by openid", statement("{\"openid\": \"http://openid.example.org/12345\"}", VERB,
                        OBJECT, "")),
                Arguments.of("actor by account", statement("{\"objectType\": \"Agent\", \"account\": "
                        + "{\"homePage\": \"http://www.example.com\", \"name\": \"1625378\"}}", VERB, OBJECT, "")),
                Arguments.of("anonymous group", statement("{\"objectType\": \"Group\", \"name\": \"Team PB\", "
                        + "\"member\": [{\"mbox\": \"mailto:andrew@example.com\"}, {\"openid\": "
                        + "\"http://aaron.openid.example.org\"}]}", VERB, OBJECT, "")),
                Arguments.of("identified group", statement("{\"objectType\": \"Group\", \"mbox\": "
                        + "\"mailto:teampb@example.com\"}", VERB, OBJECT, "")),
                Arguments.of("the spec's long example", with("""
                        "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                        "result": {"completion": true, "success": true, "duration": "PT1H0M0S",
                                   "score": {"scaled": 0.95, "raw": 95, "min": 0, "max": 100}},
                        "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                                    "instructor": {"name": "Irene Instructor", "mbox": "mailto:irene@example.com"},
                                    "team": {"objectType": "Group", "name": "Team PB",
                                             "mbox": "mailto:teampb@example.com"},
                                    "contextActivities": {"parent": [{"id": "http://www.example.com/meetings/series/267"}],
                                        "category": [{"id": "http://www.example.com/meetings/categories/teammeeting",
                                            "definition": {"name": {"en": "team meeting"},
                                                "type": "http://example.com/expapi/activities/meetingcategory"}}]},
                                    "platform": "Example virtual meeting software", "language": "tlh",
                                    "statement": {"objectType": "StatementRef",
                                                  "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"},
                                    "extensions": {"http://example.com/profiles/meetings/extension/location": "X:\\\\meetings\\\\minutes\\\\examplemeeting.one"}},
                        "timestamp": "2013-05-18T05:32:34.804+00:00",
                        "stored": "2013-05-18T05:32:34.804+00:00",
                        "authority": {"account": {"homePage": "http://cloud.scorm.com/", "name": "anonymous"},
                                      "objectType": "Agent"}""")),
                Arguments.of("a single context activity", with(
                        "\"context\": {\"contextActivities\": {\"parent\": {\"id\": \"http://example.com/course\"}}}")),
                Arguments.of("a choice interaction", statement(ACTOR, VERB, """
                        {"id": "http://www.example.com/quiz/q1", "definition": {
                          "description": {"en-US": "Which of these prototypes are available at the beta site?"},
                          "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                          "interactionType": "choice", "correctResponsesPattern": ["golf[,]tetris"],
                          "choices": [{"id": "golf", "description": {"en-US": "Golf Example"}},
                                      {"id": "tetris", "description": {"en-US": "Tetris Example"}}]}}""", "")),
                Arguments.of("an agent as object", statement(ACTOR, VERB, "{\"objectType\": \"Agent\", \"mbox\": "
                        + "\"mailto:other@example.com\"}", "")),
                Arguments.of("a statement ref as object", statement(ACTOR, VERB, "{\"objectType\": \"StatementRef\", "
                        + "\"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}", "")),
                Arguments.of("a sub-statement", statement(ACTOR, "{\"id\": \"http://example.com/planned\"}", """
                        {"objectType": "SubStatement", "actor": {"mbox": "mailto:test@example.com"},
                         "verb": {"id": "http://example.com/visited", "display": {"en-US": "will visit"}},
                         "object": {"id": "http://example.com/website",
                                    "definition": {"name": {"en-US": "Some Awesome Website"}}}}""", "")),
                Arguments.of("voiding", statement("{\"objectType\": \"Agent\", \"name\": \"Example Admin\", "
                        + "\"mbox\": \"mailto:admin@example.adlnet.gov\"}", "{\"id\": \""
                        + StatementRules.VOIDED + "\", \"display\": {\"en-US\": \"voided\"}}",
                        "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}", "")),
                Arguments.of("an attachment by URL", with("""
                        "attachments": [{"usageType": "http://adlnet.gov/expapi/attachments/signature",
                          "display": {"en-US": "Signature"}, "contentType": "application/octet-stream",
                          "length": 4235, "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
                          "fileUrl": "https://example.com/signature.p7s"}]""")),
                Arguments.of("null inside an extension", with(
                        "\"result\": {\"extensions\": {\"http://example.com/ext\": null}}")),
                Arguments.of("a negative scaled score", with("\"result\": {\"score\": {\"scaled\": -1}}")),
                Arguments.of("language zh-Hant-TW", with("\"context\": {\"language\": \"zh-Hant-TW\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void valid(String name, String statement) throws Exception {
        assertThat(StatementRules.validated(JSON.readTree(statement))).isNotNull();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no actor", "{\"verb\": " + VERB + ", \"object\": " + OBJECT + "}", "statement.actor"),
                Arguments.of("no verb", "{\"actor\": " + ACTOR + ", \"object\": " + OBJECT + "}", "statement.verb"),
                Arguments.of("no object", "{\"actor\": " + ACTOR + ", \"verb\": " + VERB + "}", "statement.object"),
                Arguments.of("not an object", "[1]", "statement"),
                Arguments.of("id not a UUID", with("\"id\": \"not-a-uuid\""), "statement.id"),
                Arguments.of("unknown property", with("\"mood\": \"happy\""), "statement.mood"),
                Arguments.of("a null value", with("\"result\": {\"response\": null}"), "statement.result.response"),
                Arguments.of("agent without identifier", statement("{\"name\": \"Nobody\"}", VERB, OBJECT, ""),
                        "statement.actor"),
                Arguments.of("agent with two identifiers", statement("{\"mbox\": \"mailto:a@example.com\", "
                        + "\"openid\": \"http://openid.example.org/1\"}", VERB, OBJECT, ""), "statement.actor"),
                Arguments.of("mbox without mailto", statement("{\"mbox\": \"a@example.com\"}", VERB, OBJECT, ""),
                        "statement.actor.mbox"),
                Arguments.of("sha1sum too short", statement("{\"mbox_sha1sum\": \"ebd31e95\"}", VERB, OBJECT, ""),
                        "statement.actor.mbox_sha1sum"),
                Arguments.of("openid not an IRI", statement("{\"openid\": \"not an iri\"}", VERB, OBJECT, ""),
                        "statement.actor.openid"),
                Arguments.of("account homePage not an IRL", statement("{\"account\": {\"homePage\": \"example\", "
                        + "\"name\": \"1\"}}", VERB, OBJECT, ""), "statement.actor.account.homePage"),
                Arguments.of("account without name", statement("{\"account\": {\"homePage\": "
                        + "\"http://example.com\"}}", VERB, OBJECT, ""), "statement.actor.account.name"),
                Arguments.of("anonymous group without members", statement("{\"objectType\": \"Group\", "
                        + "\"name\": \"Team\"}", VERB, OBJECT, ""), "statement.actor.member"),
                Arguments.of("group in a group", statement("{\"objectType\": \"Group\", \"member\": "
                        + "[{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.com\"}]}", VERB, OBJECT, ""),
                        "statement.actor.member[0]"),
                Arguments.of("actor of unknown type", statement("{\"objectType\": \"Robot\", \"mbox\": "
                        + "\"mailto:r@example.com\"}", VERB, OBJECT, ""), "statement.actor.objectType"),
                Arguments.of("verb id not an IRI", statement(ACTOR, "{\"id\": \"created\"}", OBJECT, ""),
                        "statement.verb.id"),
                Arguments.of("verb display not a language map", statement(ACTOR,
                        "{\"id\": \"http://example.com/v\", \"display\": {\"en_US\": \"x\"}}", OBJECT, ""),
                        "statement.verb.display.en_US"),
                Arguments.of("activity id not an IRI", statement(ACTOR, VERB, "{\"id\": \"activity 1\"}", ""),
                        "statement.object.id"),
                Arguments.of("unknown interaction type", statement(ACTOR, VERB, "{\"id\": \"http://example.com/q\", "
                        + "\"definition\": {\"interactionType\": \"essay\"}}", ""),
                        "statement.object.definition.interactionType"),
                Arguments.of("choices without an interaction type", statement(ACTOR, VERB,
                        "{\"id\": \"http://example.com/q\", \"definition\": {\"choices\": [{\"id\": \"a\"}]}}", ""),
                        "statement.object.definition.choices"),
                Arguments.of("moreInfo not an IRL", statement(ACTOR, VERB, "{\"id\": \"http://example.com/q\", "
                        + "\"definition\": {\"moreInfo\": \"urn:x:y\"}}", ""), "statement.object.definition.moreInfo"),
                Arguments.of("statement ref id not a UUID", statement(ACTOR, VERB, "{\"objectType\": "
                        + "\"StatementRef\", \"id\": \"http://example.com\"}", ""), "statement.object.id"),
                Arguments.of("sub-statement with an id", statement(ACTOR, VERB, "{\"objectType\": \"SubStatement\", "
                        + "\"id\": \"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\", \"actor\": " + ACTOR + ", \"verb\": "
                        + VERB + ", \"object\": " + OBJECT + "}", ""), "statement.object.id"),
                Arguments.of("sub-statement in a sub-statement", statement(ACTOR, VERB,
                        "{\"objectType\": \"SubStatement\", \"actor\": " + ACTOR + ", \"verb\": " + VERB
                                + ", \"object\": {\"objectType\": \"SubStatement\", \"actor\": " + ACTOR
                                + ", \"verb\": " + VERB + ", \"object\": " + OBJECT + "}}", ""), "statement.object.object"),
                Arguments.of("scaled above 1", with("\"result\": {\"score\": {\"scaled\": 1.5}}"),
                        "statement.result.score.scaled"),
                Arguments.of("raw below min", with("\"result\": {\"score\": {\"raw\": -1, \"min\": 0, \"max\": 10}}"),
                        "statement.result.score.raw"),
                Arguments.of("raw above max", with("\"result\": {\"score\": {\"raw\": 11, \"min\": 0, \"max\": 10}}"),
                        "statement.result.score.raw"),
                Arguments.of("min not below max", with("\"result\": {\"score\": {\"min\": 10, \"max\": 10}}"),
                        "statement.result.score.min"),
                Arguments.of("score as text", with("\"result\": {\"score\": {\"scaled\": \"0.5\"}}"),
                        "statement.result.score.scaled"),
                Arguments.of("success as text", with("\"result\": {\"success\": \"true\"}"),
                        "statement.result.success"),
                Arguments.of("duration not ISO 8601", with("\"result\": {\"duration\": \"1 hour\"}"),
                        "statement.result.duration"),
                Arguments.of("empty duration", with("\"result\": {\"duration\": \"PT\"}"),
                        "statement.result.duration"),
                Arguments.of("registration not a UUID", with("\"context\": {\"registration\": \"abc\"}"),
                        "statement.context.registration"),
                Arguments.of("team not a group", with("\"context\": {\"team\": {\"mbox\": \"mailto:t@example.com\"}}"),
                        "statement.context.team.objectType"),
                Arguments.of("revision when the object is an agent", statement(ACTOR, VERB, "{\"objectType\": "
                        + "\"Agent\", \"mbox\": \"mailto:o@example.com\"}", "\"context\": {\"revision\": \"2\"}"),
                        "statement.context.revision"),
                Arguments.of("platform when the object is a statement ref", statement(ACTOR, VERB,
                        "{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}",
                        "\"context\": {\"platform\": \"LMS\"}"), "statement.context.platform"),
                Arguments.of("context language not a tag", with("\"context\": {\"language\": \"English!\"}"),
                        "statement.context.language"),
                Arguments.of("unknown context activity kind", with(
                        "\"context\": {\"contextActivities\": {\"sibling\": [{\"id\": \"http://example.com/c\"}]}}"),
                        "statement.context.contextActivities.sibling"),
                Arguments.of("context statement not a ref", with("\"context\": {\"statement\": {\"id\": "
                        + "\"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}}"), "statement.context.statement.objectType"),
                Arguments.of("extension key not an IRI", with("\"context\": {\"extensions\": {\"cohort\": \"x\"}}"),
                        "statement.context.extensions.cohort"),
                Arguments.of("timestamp without a zone", with("\"timestamp\": \"2015-11-18T12:17:00\""),
                        "statement.timestamp"),
                Arguments.of("timestamp not a date", with("\"timestamp\": \"yesterday\""), "statement.timestamp"),
                Arguments.of("stored without a zone", with("\"stored\": \"2015-11-18 12:17\""), "statement.stored"),
                Arguments.of("version 0.95", with("\"version\": \"0.95\""), "statement.version"),
                Arguments.of("voiding something that is not a statement", statement(ACTOR, "{\"id\": \""
                        + StatementRules.VOIDED + "\"}", OBJECT, ""), "statement.object"),
                Arguments.of("attachment without fileUrl", with("""
                        "attachments": [{"usageType": "http://adlnet.gov/expapi/attachments/signature",
                          "display": {"en-US": "Signature"}, "contentType": "application/octet-stream",
                          "length": 4235, "sha2": "672fa5fa"}]"""), "statement.attachments[0].fileUrl"),
                Arguments.of("statement with an objectType", with("\"objectType\": \"Statement\""),
                        "statement.objectType"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalid(String name, String statement, String path) throws Exception {
        JsonNode received = JSON.readTree(statement);
        assertThatThrownBy(() -> StatementRules.validated(received)).isInstanceOf(XapiInvalid.class)
                .satisfies(e -> assertThat(((XapiInvalid) e).path()).isEqualTo(path));
    }

    @Test
    void aSingleContextActivityIsStoredAsAnArray() throws Exception {
        JsonNode stored = StatementRules.validated(JSON.readTree(with(
                "\"context\": {\"contextActivities\": {\"parent\": {\"id\": \"http://example.com/course\"}}}")));
        assertThat(stored.at("/context/contextActivities/parent").isArray()).isTrue();
        assertThat(stored.at("/context/contextActivities/parent/0/id").asText()).isEqualTo("http://example.com/course");
    }
}
