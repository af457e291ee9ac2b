package org.partnershipledger.command.xapi;

import static org.partnershipledger.command.xapi.JsonRules.fail;
import static org.partnershipledger.command.xapi.JsonRules.onlyProperties;
import static org.partnershipledger.command.xapi.JsonRules.requireObject;
import static org.partnershipledger.command.xapi.JsonRules.requireString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A statement's context: registration, instructor, team, context activities, language, extensions. */
final class ContextRules {

    private ContextRules() {
    }

    static final Set<String> CONTEXT_ACTIVITY_KINDS = Set.of("parent", "grouping", "category", "other");

    static void context(ObjectNode context, String path, String objectType) {
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
            StatementRules.statementRef(context.get("statement"), path + ".statement");
        }
        if (context.has("extensions")) {
            ActivityRules.extensions(context.get("extensions"), path + ".extensions");
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
    static void contextActivities(ObjectNode activities, String path) {
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
                ActivityRules.activity(activity, at + "[" + i + "]");
            }
        }
    }
}
