package org.partnershipledger.query.access;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.query.readmodel.ReadModel;
import org.partnershipledger.query.readmodel.ReadModelTables;
import org.partnershipledger.query.readmodel.TableProjection;
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
class PartnerAccessProjection extends TableProjection {

    static final String NAME = "partner-access";


    @Autowired
    PartnerAccessProjection(JdbcClient jdbc) {
        this(jdbc, ReadModelTables.LIVE);
    }

    PartnerAccessProjection(JdbcClient jdbc, ReadModelTables tables) {
        super(jdbc, tables);
    }

    /** A rebuild runs a second copy of this projection into copies of its tables. */
    @Bean
    static ReadModel partnerAccessReadModel(JdbcClient jdbc) {
        return new ReadModel(NAME, List.of("query_side.partner_access"),
                tables -> new PartnerAccessProjection(jdbc, tables));
    }

    @EventHandler
    void on(CandidateShortlisted event) {
        sql("""
                        INSERT INTO query_side.partner_access (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.partnershipId().value(), event.organizationId())
                .update();
    }

    @ResetHandler
    void reset() {
        sql("TRUNCATE query_side.partner_access").update();
        forgetPosition(NAME);
    }
}
