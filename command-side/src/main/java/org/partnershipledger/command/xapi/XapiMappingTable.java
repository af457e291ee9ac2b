package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.partnershipledger.events.program.ContentCurated;
import org.partnershipledger.events.program.CurationRetired;
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

    /** A curation with a URI can be named by learning records; one without cannot. */
    @EventHandler
    void on(ContentCurated event) {
        if (event.uri() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO command_side.xapi_curation (program_id, curation_id, uri) VALUES (?, ?, ?)
                        ON CONFLICT (program_id, curation_id) DO NOTHING""")
                .params(event.programId().value(), event.curationId(), event.uri()).update();
    }

    @EventHandler
    void on(CurationRetired event) {
        jdbc.sql("UPDATE command_side.xapi_curation SET retired = TRUE WHERE program_id = ? AND curation_id = ?")
                .params(event.programId().value(), event.curationId()).update();
    }

    /** A curation still in use: its program and id. */
    record Curation(String programId, String curationId) {
    }

    /** The curations, not retired, of this content (by its URI). */
    List<Curation> curationsOf(String uri) {
        return jdbc.sql("""
                        SELECT program_id, curation_id FROM command_side.xapi_curation
                        WHERE uri = ? AND NOT retired ORDER BY program_id, curation_id""")
                .param(uri).query((rs, row) -> new Curation(rs.getString(1), rs.getString(2))).list();
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
