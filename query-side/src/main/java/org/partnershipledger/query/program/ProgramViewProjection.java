package org.partnershipledger.query.program;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.readmodel.EventMetadata;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.PerAggregate;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Keeps the board's program views, with who changed them and why. Each view remembers the sequence number of the
 * last event applied to it, so a redelivered event is recognised and changes nothing; a reset empties them for a
 * replay. Runs in the same processor as the partnership views, so a board reading both sees them at one position.
 * A view is folded from its program's events alone ({@link PerAggregate}).
 */
@Component
@ProcessingGroup(PartnershipViews.BOARD_VIEWS)
@Owns({"query_side.program_view", "query_side.program_impact", "query_side.program_curriculum"})
@PerAggregate
class ProgramViewProjection {

    private final Tables tables;
    private final ProgramViews views;

    ProgramViewProjection(Tables tables, Json json) {
        this.tables = tables;
        this.views = new ProgramViews(tables, json);
    }

    @EventHandler
    void on(ProgramEvent event, DomainEventMessage<?> message) {
        ProgramView view = views.get(message.getAggregateIdentifier(), id -> new ProgramView());
        if (message.getSequenceNumber() > view.version) {
            view.apply(event, message.getSequenceNumber(), message.getTimestamp(), EventMetadata.actor(message),
                    EventMetadata.reason(message));
            views.changed(message.getAggregateIdentifier(), view);
        }
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        tables.forgetPosition();
    }
}
