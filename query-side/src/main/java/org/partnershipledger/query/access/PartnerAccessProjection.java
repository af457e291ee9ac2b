package org.partnershipledger.query.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateDeclined;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerOffboarded;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Which partner organisations may read which partnership: every organisation shortlisted there (selected ones
 * were shortlisted first). A decline or an offboarding keeps the grant: the organisation goes on reading, read-only,
 * what happened until then, and {@link PartnerPolicy} cuts off everything after. Idempotent by its primary key,
 * replayable by its reset.
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
        grant(event.partnershipId(), event.organizationId());
    }

    /** Declined: still granted, read-only, up to the decline. */
    @EventHandler
    void on(CandidateDeclined event) {
        grant(event.partnershipId(), event.organizationId());
    }

    /** Offboarded: still granted, read-only, up to the offboarding. */
    @EventHandler
    void on(PartnerOffboarded event) {
        grant(event.partnershipId(), event.organizationId());
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE query_side.partner_access").update();
        tables.forgetPosition();
    }

    private void grant(PartnershipId partnershipId, String organizationId) {
        tables.sql("""
                        INSERT INTO query_side.partner_access (partnership_id, organization_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(partnershipId.value(), organizationId)
                .update();
    }
}
