package org.partnershipledger.query.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Which partner organisations may read which partnership: every organisation shortlisted there (selected ones
 * were shortlisted first). Idempotent by its primary key, replayable by its reset.
 */
@Component
@ProcessingGroup(PartnerAccessProjection.NAME)
@Owns("query_side.partner_access")
class PartnerAccessProjection {

    static final String NAME = "partner-access";

    private final Tables tables;

    PartnerAccessProjection(Tables tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(CandidateShortlisted event) {
        tables.sql("""
                        INSERT INTO query_side.partner_access (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.partnershipId().value(), event.organizationId())
                .update();
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE query_side.partner_access").update();
        tables.forgetPosition();
    }
}
