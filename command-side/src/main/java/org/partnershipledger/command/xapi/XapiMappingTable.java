package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.partnershipledger.events.program.XapiMappingSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code command_side.xapi_mapping} in step with the programs' mappings. A subscribing processor: the row
 * changes in the transaction that records the event, so statements are never sorted by a mapping the ledger has
 * not recorded.
 */
@Component
@ProcessingGroup(XapiMappingTable.NAME)
class XapiMappingTable {

    static final String NAME = "xapi-mappings";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Resorting resorting;

    XapiMappingTable(JdbcClient jdbc, ObjectMapper json, Resorting resorting) {
        this.jdbc = jdbc;
        this.json = json;
        this.resorting = resorting;
    }

    @EventHandler
    void on(XapiMappingSet event) throws JsonProcessingException {
        jdbc.sql("""
                        INSERT INTO command_side.xapi_mapping (program_id, mapping) VALUES (?, CAST(? AS jsonb))
                        ON CONFLICT (program_id) DO UPDATE SET mapping = EXCLUDED.mapping""")
                .params(event.programId().value(), json.writeValueAsString(event)).update();
        resorting.resort(event);
    }

    /** Every program's current mapping, in program id order. */
    List<XapiMappingSet> all() {
        return jdbc.sql("SELECT mapping FROM command_side.xapi_mapping ORDER BY program_id")
                .query((rs, row) -> read(rs.getString(1))).list();
    }

    private XapiMappingSet read(String text) {
        try {
            return json.readValue(text, XapiMappingSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored xAPI mapping does not read", e);
        }
    }
}
