package org.partnershipledger.command.partnership;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipEnded;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code command_side.partnership_registry} in step with partnerships. A subscribing processor: its
 * handlers run in the transaction that appends the events, so the registry is never behind the event store.
 */
@Component
@ProcessingGroup(PartnershipRegistry.NAME)
class PartnershipRegistry implements PartnershipStatus {

    static final String NAME = "partnership-registry";

    private final JdbcClient jdbc;

    PartnershipRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnershipOpened event) {
        jdbc.sql("""
                        INSERT INTO command_side.partnership_registry (partnership_id, kpi_ids) VALUES (?, ?)
                        ON CONFLICT (partnership_id) DO NOTHING""")
                .params(event.partnershipId().value(), kpiIds(event.kpis())).update();
    }

    @EventHandler
    void on(StrategyRealigned event) {
        jdbc.sql("UPDATE command_side.partnership_registry SET kpi_ids = ? WHERE partnership_id = ?")
                .params(kpiIds(event.kpis()), event.partnershipId().value()).update();
    }

    @EventHandler
    void on(PartnershipEnded event) {
        jdbc.sql("UPDATE command_side.partnership_registry SET ended = TRUE WHERE partnership_id = ?")
                .param(event.partnershipId().value()).update();
    }

    @Override
    public Optional<Known> lookUp(PartnershipId partnershipId) {
        return jdbc.sql("""
                        SELECT kpi_ids, ended FROM command_side.partnership_registry
                        WHERE partnership_id = ? FOR SHARE""")
                .param(partnershipId.value())
                .query((rs, row) -> new Known(Set.of((String[]) rs.getArray("kpi_ids").getArray()),
                        rs.getBoolean("ended")))
                .optional();
    }

    private static String[] kpiIds(List<Kpi> kpis) {
        return kpis.stream().map(Kpi::kpiId).toArray(String[]::new);
    }
}
