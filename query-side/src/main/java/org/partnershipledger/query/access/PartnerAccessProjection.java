package org.partnershipledger.query.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which partner organisations may read which partnership: every organisation shortlisted there (selected ones
 * were shortlisted first). Idempotent by its primary key, replayable by its reset.
 */
@Component
@ProcessingGroup("partner-access")
class PartnerAccessProjection {

    private final JdbcClient jdbc;

    PartnerAccessProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CandidateShortlisted event) {
        jdbc.sql("""
                        INSERT INTO query_side.partner_access (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.partnershipId().value(), event.organizationId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE query_side.partner_access").update();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = 'partner-access'").update();
    }
}
