package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person from the stored statements: every agent with their identifier (actor, instructor, team member,
 * object, authority) becomes an anonymous placeholder. The statement's id, its content hash (so re-sending the
 * original still changes nothing) and the figures computed from it stay: events never held the person.
 */
@Component
class Erasure {

    static final String ERASED_HOME_PAGE = "https://partnership-ledger.example/erased";

    private final JdbcClient jdbc;
    private final StatementStore store;
    private final Clock clock;

    Erasure(JdbcClient jdbc, StatementStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** How many statements named the agent. */
    @Transactional
    int erase(JsonNode agent) {
        JsonRules.noNul(agent, "agent");
        AgentRules.agent(agent, "agent");
        String key = AgentRules.identifier(agent);
        String text = key.substring(key.indexOf(':') + 1).split("\\|")[0];
        List<Map.Entry<UUID, String>> candidates = jdbc.sql("""
                        SELECT statement_id, statement::text FROM command_side.xapi_statement
                        WHERE actor_key = ? OR strpos(statement::text, ?) > 0 FOR UPDATE""")
                .params(key, text)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
        int erased = 0;
        for (Map.Entry<UUID, String> candidate : candidates) {
            JsonNode statement = store.read(candidate.getValue());
            if (!replace(statement, key)) {
                continue;
            }
            jdbc.sql("""
                            UPDATE command_side.xapi_statement SET statement = CAST(? AS jsonb),
                                actor_key = CASE WHEN actor_key = ? THEN NULL ELSE actor_key END, erased_at = ?
                            WHERE statement_id = ?""")
                    .params(store.write(statement), key, Timestamp.from(clock.instant()), candidate.getKey())
                    .update();
            erased++;
        }
        return erased;
    }

    /** Replaces, in place, every agent object with this identifier; whether any was. */
    static boolean replace(JsonNode node, String key) {
        boolean replaced = false;
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isObject() && key.equals(AgentRules.identifier(value))) {
                    field.setValue(placeholder(value));
                    replaced = true;
                } else {
                    replaced |= replace(value, key);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isObject() && key.equals(AgentRules.identifier(item))) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, placeholder(item));
                    replaced = true;
                } else {
                    replaced |= replace(item, key);
                }
            }
        }
        return replaced;
    }

    private static ObjectNode placeholder(JsonNode agent) {
        ObjectNode erased = JsonNodeFactory.instance.objectNode();
        erased.put("objectType", agent.path("objectType").asText("Agent"));
        erased.putObject("account").put("homePage", ERASED_HOME_PAGE).put("name", "erased");
        if (agent.has("member")) {
            erased.set("member", agent.get("member"));
        }
        return erased;
    }
}
