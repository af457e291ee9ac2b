package org.partnershipledger.command.partnership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.partnershipledger.command.common.Guards.assertGiven;
import static org.partnershipledger.command.common.Guards.assertReasonGiven;

import java.util.HashSet;
import java.util.Set;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;

/**
 * The long-lived relationship between the client organisation and its partners. Command handlers check named
 * guards and apply events; event-sourcing handlers only evolve state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "partnershipSnapshots")
class Partnership {

    @AggregateIdentifier
    private PartnershipId partnershipId;
    private final Set<String> kpiIds = new HashSet<>();

    Partnership() {
        // for Axon: rebuilt from its events
    }

    /** Returns the partnership's version after the change (the sequence number of its latest event). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(OpenPartnership command) {
        assertGiven(command.name(), "name");
        assertGiven(command.client(), "client");
        assertReasonGiven(command.reason());
        KpiRules.assertValid(command.kpis());
        apply(new PartnershipOpened(command.partnershipId(), command.name().trim(), command.client().trim(),
                command.vision(), command.kpis()));
        return AggregateLifecycle.getVersion();
    }

    /** Read by program proposals, which must target KPIs of their partnership. */
    Set<String> kpiIds() {
        return Set.copyOf(kpiIds);
    }

    @EventSourcingHandler
    void on(PartnershipOpened event) {
        partnershipId = event.partnershipId();
        event.kpis().stream().map(Kpi::kpiId).forEach(kpiIds::add);
    }
}
