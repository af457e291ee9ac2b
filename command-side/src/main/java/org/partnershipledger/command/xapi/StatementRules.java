package org.partnershipledger.command.xapi;

import static org.partnershipledger.command.xapi.JsonRules.fail;
import static org.partnershipledger.command.xapi.JsonRules.onlyProperties;
import static org.partnershipledger.command.xapi.JsonRules.requireObject;
import static org.partnershipledger.command.xapi.JsonRules.requireString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The MUSTs of the xAPI specification (1.0.3 and 2.0.0) for a statement an LRS receives. {@link #validated} answers
 * the statement as the ledger stores it (a single context activity made an array, as the specification allows) or
 * throws {@link XapiInvalid} naming the rule and the path that breaks it.
 */
public final class StatementRules {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private StatementRules() {
    }

    /** The statement, normalised, if it keeps every rule. */
    public static ObjectNode validated(JsonNode received) {
        if (received == null || !received.isObject()) {
            fail("statement", "must be a JSON object");
        }
        ObjectNode statement = received.deepCopy();
        JsonRules.noNulls(statement, "statement");
        onlyProperties(statement, "statement", "id", "actor", "verb", "object", "result", "context", "timestamp",
                "stored", "authority", "version", "attachments", "objectType");
        if (statement.has("objectType")) {
            fail("statement.objectType", "a statement has no objectType (only a SubStatement has one)");
        }
        if (statement.has("id") && !XapiFormats.uuid(requireString(statement.get("id"), "statement.id"))) {
            fail("statement.id", "must be a UUID");
        }
        body(statement, "statement");
        if (statement.has("stored")) {
            timestamp(statement.get("stored"), "statement.stored");
        }
        if (statement.has("authority")) {
            AgentRules.agentOrGroup(statement.get("authority"), "statement.authority");
        }
        if (statement.has("version")
                && !XapiFormats.version(requireString(statement.get("version"), "statement.version"))) {
            fail("statement.version", "must be 1.0.x or 2.0.x");
        }
        if (VOIDED.equals(statement.path("verb").path("id").asText())
                && !"StatementRef".equals(statement.path("object").path("objectType").asText())) {
            fail("statement.object", "a voiding statement's object must be a StatementRef");
        }
        return statement;
    }

    /** What a statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments. */
    private static void body(ObjectNode statement, String path) {
        if (!statement.has("actor")) {
            fail(path + ".actor", "is required");
        }
        AgentRules.agentOrGroup(statement.get("actor"), path + ".actor");
        verb(statement.get("verb"), path + ".verb");
        if (!statement.has("object")) {
            fail(path + ".object", "is required");
        }
        String objectType = object(statement.get("object"), path + ".object", path.endsWith(".object"));
        if (statement.has("result")) {
            result(statement.get("result"), path + ".result");
        }
        if (statement.has("context")) {
            ContextRules.context((ObjectNode) requireObject(statement.get("context"), path + ".context"),
                    path + ".context", objectType);
        }
        if (statement.has("timestamp")) {
            timestamp(statement.get("timestamp"), path + ".timestamp");
        }
        if (statement.has("attachments")) {
            ActivityRules.attachments(statement.get("attachments"), path + ".attachments");
        }
    }

    private static void verb(JsonNode verb, String path) {
        if (verb == null) {
            fail(path, "is required");
        }
        requireObject(verb, path);
        onlyProperties(verb, path, "id", "display");
        if (!XapiFormats.iri(requireString(verb.get("id"), path + ".id"))) {
            fail(path + ".id", "must be an absolute IRI");
        }
        if (verb.has("display")) {
            ActivityRules.languageMap(verb.get("display"), path + ".display");
        }
    }

    /** The object's type, checked; a SubStatement inside a SubStatement is refused. */
    private static String object(JsonNode object, String path, boolean insideSubStatement) {
        requireObject(object, path);
        String type = object.has("objectType") ? requireString(object.get("objectType"), path + ".objectType")
                : "Activity";
        switch (type) {
            case "Activity" -> ActivityRules.activity(object, path);
            case "Agent" -> AgentRules.agent(object, path);
            case "Group" -> AgentRules.group(object, path);
            case "StatementRef" -> statementRef(object, path);
            case "SubStatement" -> {
                if (insideSubStatement) {
                    fail(path, "a SubStatement cannot hold another SubStatement");
                }
                onlyProperties(object, path, "objectType", "actor", "verb", "object", "result", "context",
                        "timestamp", "attachments");
                body((ObjectNode) object, path);
            }
            default -> fail(path + ".objectType", "must be Activity, Agent, Group, StatementRef or SubStatement");
        }
        return type;
    }

    static void statementRef(JsonNode ref, String path) {
        requireObject(ref, path);
        onlyProperties(ref, path, "objectType", "id");
        if (!"StatementRef".equals(ref.path("objectType").asText())) {
            fail(path + ".objectType", "must be StatementRef");
        }
        if (!XapiFormats.uuid(requireString(ref.get("id"), path + ".id"))) {
            fail(path + ".id", "a StatementRef's id must be a UUID");
        }
    }

    private static void result(JsonNode result, String path) {
        requireObject(result, path);
        onlyProperties(result, path, "score", "success", "completion", "response", "duration", "extensions");
        if (result.has("score")) {
            score(result.get("score"), path + ".score");
        }
        for (String flag : new String[] {"success", "completion"}) {
            if (result.has(flag) && !result.get(flag).isBoolean()) {
                fail(path + "." + flag, "must be true or false");
            }
        }
        if (result.has("response")) {
            requireString(result.get("response"), path + ".response");
        }
        if (result.has("duration")
                && !XapiFormats.duration(requireString(result.get("duration"), path + ".duration"))) {
            fail(path + ".duration", "must be an ISO 8601 duration such as PT1H30M");
        }
        if (result.has("extensions")) {
            ActivityRules.extensions(result.get("extensions"), path + ".extensions");
        }
    }

    private static void score(JsonNode score, String path) {
        requireObject(score, path);
        onlyProperties(score, path, "scaled", "raw", "min", "max");
        for (String number : new String[] {"scaled", "raw", "min", "max"}) {
            if (score.has(number) && !score.get(number).isNumber()) {
                fail(path + "." + number, "must be a number");
            }
        }
        if (score.has("scaled")) {
            double scaled = score.get("scaled").asDouble();
            if (scaled < -1 || scaled > 1) {
                fail(path + ".scaled", "must be between -1 and 1");
            }
        }
        if (score.has("min") && score.has("max") && score.get("min").asDouble() >= score.get("max").asDouble()) {
            fail(path + ".min", "must be less than max");
        }
        if (score.has("raw")) {
            double raw = score.get("raw").asDouble();
            if (score.has("min") && raw < score.get("min").asDouble()) {
                fail(path + ".raw", "must not be less than min");
            }
            if (score.has("max") && raw > score.get("max").asDouble()) {
                fail(path + ".raw", "must not be more than max");
            }
        }
    }

    private static void timestamp(JsonNode value, String path) {
        if (!XapiFormats.timestamp(requireString(value, path))) {
            fail(path, "must be an ISO 8601 timestamp with a time zone, such as 2026-09-01T10:15:00Z");
        }
    }
}
