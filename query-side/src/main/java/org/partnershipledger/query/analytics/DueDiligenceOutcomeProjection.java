package org.partnershipledger.query.analytics;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.DueDiligenceAssessed;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Metric: due-diligence outcomes by partner role ({@code analytics.due_diligence_outcome}). One row per shortlisted
 * candidate with its role, its latest score per criterion and its outcome: PENDING until every required criterion
 * is assessed, then PASSED when all of them reach the passing score and FAILED otherwise (the rule the command side
 * applies on selection, {@link DueDiligenceCriterion}). A new processing group: on its first start it replays the
 * whole history. Every write sets a value, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DueDiligenceOutcomeProjection.NAME)
@Owns(DueDiligenceOutcomeProjection.TABLE)
class DueDiligenceOutcomeProjection {

    static final String NAME = "due-diligence-outcomes";
    static final String TABLE = "analytics.due_diligence_outcome";

    /** The outcome, from the required criteria's columns. */
    private static final String OUTCOME = "CASE WHEN %s THEN 'PENDING' WHEN %s THEN 'PASSED' ELSE 'FAILED' END"
            .formatted(DueDiligenceCriterion.required().stream().map(c -> column(c) + " IS NULL")
                            .collect(Collectors.joining(" OR ")),
                    DueDiligenceCriterion.required().stream()
                            .map(c -> column(c) + " >= " + DueDiligenceCriterion.PASSING_SCORE)
                            .collect(Collectors.joining(" AND ")));

    private final Tables tables;

    DueDiligenceOutcomeProjection(Tables tables) {
        this.tables = tables;
    }


    static String column(DueDiligenceCriterion criterion) {
        return criterion.name().toLowerCase(Locale.ROOT);
    }

    @EventHandler
    void on(CandidateShortlisted event, EventMessage<?> message) {
        tables.sql("""
                        INSERT INTO analytics.due_diligence_outcome (partnership_id, partner_id, organization_id, role,
                            shortlisted_at, outcome)
                        VALUES (?, ?, ?, ?, ?, 'PENDING')
                        ON CONFLICT DO NOTHING""")
                .params(event.partnershipId().value(), event.partnerId(), event.organizationId(),
                        event.role().name(), Timestamp.from(message.getTimestamp()))
                .update();
    }

    @EventHandler
    void on(DueDiligenceAssessed event, EventMessage<?> message) {
        String criterion = column(event.criterion());
        tables.sql("UPDATE analytics.due_diligence_outcome SET " + criterion + " = ?"
                        + " WHERE partnership_id = ? AND partner_id = ?")
                .params(event.score(), event.partnershipId().value(), event.partnerId())
                .update();
        tables.sql("UPDATE analytics.due_diligence_outcome SET outcome = " + OUTCOME
                        + ", decided_at = CASE WHEN " + OUTCOME + " = 'PENDING' THEN NULL ELSE CAST(? AS timestamptz) END"
                        + " WHERE partnership_id = ? AND partner_id = ?")
                .params(Timestamp.from(message.getTimestamp()), event.partnershipId().value(), event.partnerId())
                .update();
    }

    @EventHandler
    void on(PartnerSelected event) {
        tables.sql("""
                        UPDATE analytics.due_diligence_outcome SET selected = TRUE
                        WHERE partnership_id = ? AND partner_id = ?""")
                .params(event.partnershipId().value(), event.partnerId())
                .update();
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE analytics.due_diligence_outcome").update();
        tables.forgetPosition();
    }
}
