package org.partnershipledger.query.access;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.query.readmodel.ReadModel;
import org.partnershipledger.query.readmodel.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which partner organisations may read which partnership: every organisation shortlisted there (selected ones
 * were shortlisted first). Idempotent by its primary key, replayable by its reset.
 */
@Component
@ProcessingGroup(PartnerAccessProjection.NAME)
class PartnerAccessProjection {

    static final String NAME = "partner-access";

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    @Autowired
    PartnerAccessProjection(JdbcClient jdbc) {
        this(jdbc, ReadModelTables.LIVE);
    }

    PartnerAccessProjection(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** A rebuild runs a second copy of this projection into copies of its tables. */
    @Bean
    static ReadModel partnerAccessReadModel(JdbcClient jdbc) {
        return new ReadModel(NAME, List.of("query_side.partner_access"),
                tables -> new PartnerAccessProjection(jdbc, tables));
    }

    @EventHandler
    void on(CandidateShortlisted event) {
        jdbc.sql(tables.sql("""
                        INSERT INTO query_side.partner_access (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING"""))
                .params(event.partnershipId().value(), event.organizationId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql(tables.sql("TRUNCATE query_side.partner_access")).update();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(NAME).update();
    }
}
