package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The MUSTs of the xAPI specification (1.0.3 and 2.0.0) for a statement an LRS receives. {@link #validated} answers
 * the statement as the ledger stores it (a single context activity made an array, as the specification allows) or
 * throws {@link XapiInvalid} naming the rule and the path that breaks it.
 */
public final class StatementRules {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    static final Set<String> CONTEXT_ACTIVITY_KINDS = Set.of("parent", "grouping", "category", "other");

    private StatementRules() {
    }

    /** The statement, normalised, if it keeps every rule. */
    public static ObjectNode validated(JsonNode received) {
        if (received == null || !received.isObject()) {
            fail("statement", "must be a JSON object");
        }
        ObjectNode statement = received.deepCopy();
        noNulls(statement, "statement");
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
            context((ObjectNode) requireObject(statement.get("context"), path + ".context"), path + ".context",
                    objectType);
        }
        if (statement.has("timestamp")) {
            timestamp(statement.get("timestamp"), path + ".timestamp");
        }
        if (statement.has("attachments")) {
            attachments(statement.get("attachments"), path + ".attachments");
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
            languageMap(verb.get("display"), path + ".display");
        }
    }

    /** The object's type, checked; a SubStatement inside a SubStatement is refused. */
    private static String object(JsonNode object, String path, boolean insideSubStatement) {
        requireObject(object, path);
        String type = object.has("objectType") ? requireString(object.get("objectType"), path + ".objectType")
                : "Activity";
        switch (type) {
            case "Activity" -> activity(object, path);
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

    static void activity(JsonNode activity, String path) {
        requireObject(activity, path);
        onlyProperties(activity, path, "objectType", "id", "definition");
        if (!XapiFormats.iri(requireString(activity.get("id"), path + ".id"))) {
            fail(path + ".id", "an Activity's id must be an absolute IRI");
        }
        if (activity.has("definition")) {
            definition(activity.get("definition"), path + ".definition");
        }
    }

    private static void definition(JsonNode definition, String path) {
        requireObject(definition, path);
        onlyProperties(definition, path, "name", "description", "type", "moreInfo", "extensions", "interactionType",
                "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
        for (String map : new String[] {"name", "description"}) {
            if (definition.has(map)) {
                languageMap(definition.get(map), path + "." + map);
            }
        }
        if (definition.has("type") && !XapiFormats.iri(requireString(definition.get("type"), path + ".type"))) {
            fail(path + ".type", "must be an absolute IRI");
        }
        if (definition.has("moreInfo")
                && !XapiFormats.irl(requireString(definition.get("moreInfo"), path + ".moreInfo"))) {
            fail(path + ".moreInfo", "must be an IRL (an http or https address)");
        }
        if (definition.has("extensions")) {
            extensions(definition.get("extensions"), path + ".extensions");
        }
        boolean interaction = definition.has("interactionType");
        if (interaction && !INTERACTION_TYPES.contains(requireString(definition.get("interactionType"),
                path + ".interactionType"))) {
            fail(path + ".interactionType", "must be one of " + INTERACTION_TYPES);
        }
        if (definition.has("correctResponsesPattern")) {
            JsonNode pattern = definition.get("correctResponsesPattern");
            if (!pattern.isArray()) {
                fail(path + ".correctResponsesPattern", "must be an array of strings");
            }
            for (int i = 0; i < pattern.size(); i++) {
                requireString(pattern.get(i), path + ".correctResponsesPattern[" + i + "]");
            }
        }
        for (String list : new String[] {"choices", "scale", "source", "target", "steps"}) {
            if (!definition.has(list)) {
                continue;
            }
            String at = path + "." + list;
            if (!interaction) {
                fail(at, "interaction components need an interactionType");
            }
            JsonNode components = definition.get(list);
            if (!components.isArray()) {
                fail(at, "must be an array of interaction components");
            }
            for (int i = 0; i < components.size(); i++) {
                JsonNode component = requireObject(components.get(i), at + "[" + i + "]");
                onlyProperties(component, at + "[" + i + "]", "id", "description");
                requireString(component.get("id"), at + "[" + i + "].id");
                if (component.has("description")) {
                    languageMap(component.get("description"), at + "[" + i + "].description");
                }
            }
        }
    }

    private static void statementRef(JsonNode ref, String path) {
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
            extensions(result.get("extensions"), path + ".extensions");
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

    private static void context(ObjectNode context, String path, String objectType) {
        onlyProperties(context, path, "registration", "instructor", "team", "contextActivities", "revision",
                "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
        if (context.has("registration")
                && !XapiFormats.uuid(requireString(context.get("registration"), path + ".registration"))) {
            fail(path + ".registration", "must be a UUID");
        }
        if (context.has("instructor")) {
            AgentRules.agentOrGroup(context.get("instructor"), path + ".instructor");
        }
        if (context.has("team")) {
            AgentRules.group(context.get("team"), path + ".team");
        }
        for (String only : new String[] {"revision", "platform"}) {
            if (context.has(only)) {
                requireString(context.get(only), path + "." + only);
                if (!"Activity".equals(objectType)) {
                    fail(path + "." + only, "is only allowed when the statement's object is an Activity");
                }
            }
        }
        if (context.has("language")
                && !XapiFormats.languageTag(requireString(context.get("language"), path + ".language"))) {
            fail(path + ".language", "must be an RFC 5646 language tag");
        }
        if (context.has("statement")) {
            statementRef(context.get("statement"), path + ".statement");
        }
        if (context.has("extensions")) {
            extensions(context.get("extensions"), path + ".extensions");
        }
        if (context.has("contextActivities")) {
            contextActivities((ObjectNode) requireObject(context.get("contextActivities"),
                    path + ".contextActivities"), path + ".contextActivities");
        }
        for (String list : new String[] {"contextAgents", "contextGroups"}) {
            if (context.has(list)) {
                JsonNode entries = context.get(list);
                if (!entries.isArray()) {
                    fail(path + "." + list, "must be an array");
                }
                for (int i = 0; i < entries.size(); i++) {
                    String at = path + "." + list + "[" + i + "]";
                    JsonNode entry = requireObject(entries.get(i), at);
                    onlyProperties(entry, at, "objectType", "agent", "group", "relevantTypes");
                    if (entry.has("agent")) {
                        AgentRules.agent(entry.get("agent"), at + ".agent");
                    } else if (entry.has("group")) {
                        AgentRules.group(entry.get("group"), at + ".group");
                    } else {
                        fail(at, "must name an agent or a group");
                    }
                }
            }
        }
    }

    /** Each kind holds an Activity or an array of them; a single Activity is made an array. */
    private static void contextActivities(ObjectNode activities, String path) {
        Iterator<Map.Entry<String, JsonNode>> kinds = activities.fields();
        while (kinds.hasNext()) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            String at = path + "." + kind.getKey();
            if (!CONTEXT_ACTIVITY_KINDS.contains(kind.getKey())) {
                fail(at, "must be parent, grouping, category or other");
            }
            JsonNode value = kind.getValue();
            if (value.isObject()) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode().add(value);
                kind.setValue(array);
                value = array;
            }
            if (!value.isArray()) {
                fail(at, "must be an Activity or an array of Activities");
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode activity = value.get(i);
                if (activity.has("objectType") && !"Activity".equals(activity.get("objectType").asText())) {
                    fail(at + "[" + i + "].objectType", "a context activity must be an Activity");
                }
                activity(activity, at + "[" + i + "]");
            }
        }
    }

    private static void attachments(JsonNode attachments, String path) {
        if (!attachments.isArray()) {
            fail(path, "must be an array");
        }
        for (int i = 0; i < attachments.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode attachment = requireObject(attachments.get(i), at);
            onlyProperties(attachment, at, "usageType", "display", "description", "contentType", "length", "sha2",
                    "fileUrl");
            if (!XapiFormats.iri(requireString(attachment.get("usageType"), at + ".usageType"))) {
                fail(at + ".usageType", "must be an absolute IRI");
            }
            languageMap(attachment.get("display"), at + ".display");
            if (attachment.has("description")) {
                languageMap(attachment.get("description"), at + ".description");
            }
            requireString(attachment.get("contentType"), at + ".contentType");
            if (attachment.get("length") == null || !attachment.get("length").canConvertToLong()
                    || !attachment.get("length").isIntegralNumber()) {
                fail(at + ".length", "must be a whole number of octets");
            }
            requireString(attachment.get("sha2"), at + ".sha2");
            if (!attachment.has("fileUrl")) {
                fail(at + ".fileUrl", "is required here: this LRS takes no multipart attachments");
            }
            if (!XapiFormats.irl(requireString(attachment.get("fileUrl"), at + ".fileUrl"))) {
                fail(at + ".fileUrl", "must be an IRL (an http or https address)");
            }
        }
    }

    static void languageMap(JsonNode map, String path) {
        if (map == null) {
            fail(path, "is required");
        }
        requireObject(map, path);
        map.fieldNames().forEachRemaining(tag -> {
            if (!XapiFormats.languageTag(tag)) {
                fail(path + "." + tag, "a language map's keys must be RFC 5646 language tags");
            }
            requireString(map.get(tag), path + "." + tag);
        });
    }

    private static void extensions(JsonNode extensions, String path) {
        requireObject(extensions, path);
        extensions.fieldNames().forEachRemaining(key -> {
            if (!XapiFormats.iri(key)) {
                fail(path + "." + key, "an extension's key must be an absolute IRI");
            }
        });
    }

    private static void timestamp(JsonNode value, String path) {
        if (!XapiFormats.timestamp(requireString(value, path))) {
            fail(path, "must be an ISO 8601 timestamp with a time zone, such as 2026-09-01T10:15:00Z");
        }
    }

    /** No property is null, except inside extensions, whose values are the sender's own. */
    private static void noNulls(JsonNode node, String path) {
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
            fail(path, "must not contain the NUL character");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().indexOf('\u0000') >= 0) {
                    fail(path, "a property name must not contain the NUL character");
                }
                if (field.getValue().isNull()) {
                    fail(path + "." + field.getKey(), "must not be null (leave it out instead)");
                }
                if (!"extensions".equals(field.getKey())) {
                    noNulls(field.getValue(), path + "." + field.getKey());
                } else {
                    noNul(field.getValue(), path + ".extensions");
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    fail(path + "[" + i + "]", "must not be null");
                }
                noNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** PostgreSQL keeps no NUL character in text or JSON: refused wherever it is. */
    static void noNul(JsonNode node, String path) {
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
            fail(path, "must not contain the NUL character");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (name.indexOf('\u0000') >= 0) {
                fail(path, "a property name must not contain the NUL character");
            }
        });
        node.forEach(child -> noNul(child, path));
    }

    static void onlyProperties(JsonNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                fail(path + "." + name, "is not a property the specification allows here");
            }
        });
    }

    static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            fail(path, node == null ? "is required" : "must be a JSON object");
        }
        return node;
    }

    static String requireString(JsonNode node, String path) {
        if (node == null) {
            fail(path, "is required");
        }
        if (!node.isTextual()) {
            fail(path, "must be a string");
        }
        return node.asText();
    }

    static void optionalString(JsonNode node, String property, String path) {
        if (node.has(property)) {
            requireString(node.get(property), path + "." + property);
        }
    }

    static void fail(String path, String rule) {
        throw new XapiInvalid(path, rule);
    }
}
