package org.partnershipledger.query.partnership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.PerAggregate;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.stereotype.Component;

/**
 * Keeps the board's partnership views. Each view remembers the sequence number of the last event applied to it,
 * so a redelivered event is recognised and changes nothing; a reset empties them for a replay. A view is folded
 * from its partnership's events alone ({@link PerAggregate}).
 */
@Component
@ProcessingGroup(PartnershipViews.BOARD_VIEWS)
@Owns("query_side.partnership_view")
@PerAggregate
class PartnershipViewProjection {

    private final Tables tables;
    private final PartnershipViews views;

    PartnershipViewProjection(Tables tables, Json json) {
        this.tables = tables;
        this.views = new PartnershipViews(tables, json);
    }

    @EventHandler
    void on(PartnershipEvent event, DomainEventMessage<?> message) {
        PartnershipView view = views.get(message.getAggregateIdentifier(), id -> new PartnershipView());
        if (message.getSequenceNumber() > view.version) {
            view.apply(event, message.getSequenceNumber(), message.getTimestamp());
            views.changed(message.getAggregateIdentifier(), view);
        }
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        tables.forgetPosition();
    }
}
