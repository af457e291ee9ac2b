package org.partnershipledger.command.xapi;

import static org.partnershipledger.command.xapi.JsonRules.fail;
import static org.partnershipledger.command.xapi.JsonRules.onlyProperties;
import static org.partnershipledger.command.xapi.JsonRules.optionalString;
import static org.partnershipledger.command.xapi.JsonRules.requireObject;
import static org.partnershipledger.command.xapi.JsonRules.requireString;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Agents and Groups: exactly one inverse functional identifier for an Agent, members for an anonymous Group. */
final class AgentRules {

    static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private AgentRules() {
    }

    /** An Agent or a Group, as an actor, instructor, authority or object. */
    static void agentOrGroup(JsonNode node, String path) {
        requireObject(node, path);
        String type = node.has("objectType") ? requireString(node.get("objectType"), path + ".objectType") : "Agent";
        switch (type) {
            case "Agent" -> agent(node, path);
            case "Group" -> group(node, path);
            default -> fail(path + ".objectType", "must be Agent or Group, not " + type);
        }
    }

    static void agent(JsonNode node, String path) {
        requireObject(node, path);
        onlyProperties(node, path, "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
        if (node.has("objectType") && !"Agent".equals(node.get("objectType").asText())) {
            fail(path + ".objectType", "must be Agent");
        }
        optionalString(node, "name", path);
        if (identifiers(node, path) != 1) {
            fail(path, "an Agent must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid "
                    + "or account)");
        }
    }

    static void group(JsonNode node, String path) {
        requireObject(node, path);
        onlyProperties(node, path, "objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");
        if (!"Group".equals(node.path("objectType").asText(null))) {
            fail(path + ".objectType", "a Group must have objectType Group");
        }
        optionalString(node, "name", path);
        int identifiers = identifiers(node, path);
        if (identifiers > 1) {
            fail(path, "an identified Group must have exactly one inverse functional identifier");
        }
        JsonNode members = node.get("member");
        if (identifiers == 0 && (members == null || !members.isArray() || members.isEmpty())) {
            fail(path + ".member", "an anonymous Group (no identifier) must list its members");
        }
        if (members != null) {
            if (!members.isArray()) {
                fail(path + ".member", "must be an array of Agents");
            }
            for (int i = 0; i < members.size(); i++) {
                JsonNode member = members.get(i);
                if ("Group".equals(member.path("objectType").asText(null))) {
                    fail(path + ".member[" + i + "]", "a Group's members are Agents, not Groups");
                }
                agent(member, path + ".member[" + i + "]");
            }
        }
    }

    /** How many identifiers the agent or group has, each checked. */
    private static int identifiers(JsonNode node, String path) {
        int count = 0;
        if (node.has("mbox")) {
            String mbox = requireString(node.get("mbox"), path + ".mbox");
            if (!mbox.startsWith("mailto:") || mbox.length() <= "mailto:".length() || !mbox.contains("@")) {
                fail(path + ".mbox", "must be a mailto: IRI such as mailto:learner@example.com");
            }
            count++;
        }
        if (node.has("mbox_sha1sum")) {
            if (!XapiFormats.sha1(requireString(node.get("mbox_sha1sum"), path + ".mbox_sha1sum"))) {
                fail(path + ".mbox_sha1sum", "must be the 40 hexadecimal digits of a SHA-1 hash");
            }
            count++;
        }
        if (node.has("openid")) {
            if (!XapiFormats.iri(requireString(node.get("openid"), path + ".openid"))) {
                fail(path + ".openid", "must be an absolute IRI");
            }
            count++;
        }
        if (node.has("account")) {
            JsonNode account = node.get("account");
            String at = path + ".account";
            requireObject(account, at);
            onlyProperties(account, at, "homePage", "name");
            if (!XapiFormats.irl(requireString(account.get("homePage"), at + ".homePage"))) {
                fail(at + ".homePage", "must be an IRL (an http or https address)");
            }
            requireString(account.get("name"), at + ".name");
            count++;
        }
        return count;
    }

    /** The identifier of an agent as one text (personal data: it stays in the statement table), or null. */
    static String identifier(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return null;
        }
        for (String ifi : IFIS) {
            JsonNode value = agent.get(ifi);
            if (value != null) {
                return "account".equals(ifi)
                        ? "account:" + value.path("homePage").asText() + "|" + value.path("name").asText()
                        : ifi + ":" + value.asText();
            }
        }
        return null;
    }
}
