package org.partnershipledger.command.partnership;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.GovernanceCharterSet;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipEnded;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code command_side.partnership_registry} in step with partnerships. A subscribing processor: its
 * handlers run in the transaction that appends the events, so the registry is never behind the event store.
 * Reviewed periods and steering members are NULL for rows registered before they were kept (migration V3); for
 * those the lookup folds the partnership's own events instead, so the answer is right for old data too.
 */
@Component
@ProcessingGroup(PartnershipRegistry.NAME)
class PartnershipRegistry implements PartnershipStatus {

    static final String NAME = "partnership-registry";

    private final JdbcClient jdbc;
    /** Only for rows older than the columns; looked up late, since the event store is built after this. */
    private final ObjectProvider<EventStore> eventStore;

    PartnershipRegistry(JdbcClient jdbc, ObjectProvider<EventStore> eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(PartnershipOpened event) {
        jdbc.sql("""
                        INSERT INTO command_side.partnership_registry (partnership_id, kpi_ids, reviewed_periods,
                            steering_members) VALUES (?, ?, '{}', '{}')
                        ON CONFLICT (partnership_id) DO NOTHING""")
                .params(event.partnershipId().value(), kpiIds(event.kpis())).update();
    }

    @EventHandler
    void on(StrategyRealigned event) {
        jdbc.sql("UPDATE command_side.partnership_registry SET kpi_ids = ? WHERE partnership_id = ?")
                .params(kpiIds(event.kpis()), event.partnershipId().value()).update();
    }

    /** A replaced charter replaces its members, so this column is right from the next charter on, old rows too. */
    @EventHandler
    void on(GovernanceCharterSet event) {
        jdbc.sql("UPDATE command_side.partnership_registry SET steering_members = ? WHERE partnership_id = ?")
                .params(event.steeringMembers().toArray(String[]::new), event.partnershipId().value()).update();
    }

    /**
     * Adds the period, once. A NULL list (a row older than the column) stays NULL and is folded from the events
     * on lookup; the row is still written, so a lookup folding events waits for this transaction.
     */
    @EventHandler
    void on(BusinessReviewHeld event) {
        jdbc.sql("""
                        UPDATE command_side.partnership_registry SET reviewed_periods = CASE
                            WHEN reviewed_periods IS NULL OR CAST(? AS text) = ANY (reviewed_periods)
                            THEN reviewed_periods ELSE array_append(reviewed_periods, CAST(? AS text)) END
                        WHERE partnership_id = ?""")
                .params(event.period(), event.period(), event.partnershipId().value()).update();
    }

    @EventHandler
    void on(PartnershipEnded event) {
        jdbc.sql("UPDATE command_side.partnership_registry SET ended = TRUE WHERE partnership_id = ?")
                .param(event.partnershipId().value()).update();
    }

    @Override
    public Optional<Known> lookUp(PartnershipId partnershipId) {
        return jdbc.sql("""
                        SELECT kpi_ids, ended, reviewed_periods, steering_members
                        FROM command_side.partnership_registry WHERE partnership_id = ? FOR SHARE""")
                .param(partnershipId.value())
                .query((rs, row) -> new Stored(Set.of((String[]) rs.getArray("kpi_ids").getArray()),
                        rs.getBoolean("ended"), strings(rs.getArray("reviewed_periods")),
                        strings(rs.getArray("steering_members"))))
                .optional()
                .map(stored -> stored.known(() -> folded(partnershipId)));
    }

    /** A row as stored: a null set is a column not kept yet for this partnership. */
    private record Stored(Set<String> kpiIds, boolean ended, Set<String> reviewedPeriods,
                          Set<String> steeringMembers) {
        Known known(Supplier<Folded> fromEvents) {
            if (reviewedPeriods != null && steeringMembers != null) {
                return new Known(kpiIds, ended, reviewedPeriods, steeringMembers);
            }
            Folded folded = fromEvents.get();
            return new Known(kpiIds, ended, reviewedPeriods != null ? reviewedPeriods : folded.reviewedPeriods(),
                    steeringMembers != null ? steeringMembers : folded.steeringMembers());
        }
    }

    private record Folded(Set<String> reviewedPeriods, Set<String> steeringMembers) {
    }

    /** The reviews and latest charter of one partnership, from its own events, never a snapshot (older rows). */
    private Folded folded(PartnershipId partnershipId) {
        Set<String> periods = new LinkedHashSet<>();
        Set<String> members = Set.of();
        DomainEventStream events = eventStore.getObject().readEvents(partnershipId.value(), 0L);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof BusinessReviewHeld review) {
                periods.add(review.period());
            } else if (payload instanceof GovernanceCharterSet charter) {
                members = Set.copyOf(charter.steeringMembers());
            }
        }
        return new Folded(Set.copyOf(periods), members);
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? null : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String[] kpiIds(List<Kpi> kpis) {
        return kpis.stream().map(Kpi::kpiId).toArray(String[]::new);
    }
}
