package org.partnershipledger.command.partnership;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.GovernanceCharterSet;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipEnded;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code command_side.partnership_registry} in step with partnerships. A subscribing processor: its
 * handlers run in the transaction that appends the events, so the registry is never behind the event store.
 * Reviewed periods and steering members are NULL for rows registered before they were kept (migration V3); for
 * those the lookup folds the partnership's own events instead, so the answer is right for old data too.
 *
 * <p>On Axon Server the events are not in that transaction: PostgreSQL commits first, then Axon Server. If the
 * second commit fails, the row is ahead of the store: it may name a partnership, a review or a charter that was
 * never stored. So each row keeps the sequence number of the last event it took in ({@code version}), and where
 * the store is not this database the lookup compares it with the store's last sequence number for the
 * partnership: a row ahead of its events is not trusted, and the partnership's own events are folded instead (or
 * it is unknown, when none were stored). The row can never be behind: when PostgreSQL's commit fails, the events
 * are not appended either.
 */
@Component
@ProcessingGroup(PartnershipRegistry.NAME)
class PartnershipRegistry implements PartnershipStatus {

    static final String NAME = "partnership-registry";

    private final JdbcClient jdbc;
    /** Only for rows older than the columns; looked up late, since the event store is built after this. */
    private final ObjectProvider<EventStore> eventStore;
    /** Whether a row is checked against the store: "auto" does so unless the store is this database. */
    private final String checkStore;
    private volatile Boolean storeChecked;

    PartnershipRegistry(JdbcClient jdbc, ObjectProvider<EventStore> eventStore,
                        @Value("${ledger.registry.check-store:auto}") String checkStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.checkStore = checkStore;
    }

    @EventHandler
    void on(PartnershipOpened event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO command_side.partnership_registry (partnership_id, kpi_ids, reviewed_periods,
                            steering_members, version) VALUES (?, ?, '{}', '{}', ?)
                        ON CONFLICT (partnership_id) DO NOTHING""")
                .params(event.partnershipId().value(), kpiIds(event.kpis()), sequence).update();
    }

    @EventHandler
    void on(StrategyRealigned event, @SequenceNumber long sequence) {
        jdbc.sql("UPDATE command_side.partnership_registry SET kpi_ids = ?, " + TOOK_IN + " WHERE partnership_id = ?")
                .params(kpiIds(event.kpis()), sequence, event.partnershipId().value()).update();
    }

    /** A replaced charter replaces its members, so this column is right from the next charter on, old rows too. */
    @EventHandler
    void on(GovernanceCharterSet event, @SequenceNumber long sequence) {
        jdbc.sql("UPDATE command_side.partnership_registry SET steering_members = ?, " + TOOK_IN
                        + " WHERE partnership_id = ?")
                .params(event.steeringMembers().toArray(String[]::new), sequence, event.partnershipId().value())
                .update();
    }

    /**
     * Adds the period, once. A NULL list (a row older than the column) stays NULL and is folded from the events
     * on lookup; the row is still written, so a lookup folding events waits for this transaction.
     */
    @EventHandler
    void on(BusinessReviewHeld event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE command_side.partnership_registry SET reviewed_periods = CASE
                            WHEN reviewed_periods IS NULL OR CAST(? AS text) = ANY (reviewed_periods)
                            THEN reviewed_periods ELSE array_append(reviewed_periods, CAST(? AS text)) END,
                        """ + TOOK_IN + " WHERE partnership_id = ?")
                .params(event.period(), event.period(), sequence, event.partnershipId().value()).update();
    }

    @EventHandler
    void on(PartnershipEnded event, @SequenceNumber long sequence) {
        jdbc.sql("UPDATE command_side.partnership_registry SET ended = TRUE, " + TOOK_IN + " WHERE partnership_id = ?")
                .params(sequence, event.partnershipId().value()).update();
    }

    /** The row's version after an event: never lower, so a redelivered older event cannot move it back. */
    private static final String TOOK_IN = "version = GREATEST(COALESCE(version, -1), ?)";

    /**
     * Asked once per command: a program command's guard and its decision both need the partnership, and on Axon
     * Server each answer costs a question to the store as well.
     */
    @Override
    public Optional<Known> lookUp(PartnershipId partnershipId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return lookUpNow(partnershipId);
        }
        // not computeIfAbsent: looking up may read events, which adds resources of its own to the unit of work
        Map<String, Object> resources = CurrentUnitOfWork.get().root().resources();
        String key = PartnershipRegistry.class.getName() + "@" + partnershipId.value();
        @SuppressWarnings("unchecked")
        Optional<Known> known = (Optional<Known>) resources.get(key);
        if (known == null) {
            known = lookUpNow(partnershipId);
            resources.put(key, known);
        }
        return known;
    }

    private Optional<Known> lookUpNow(PartnershipId partnershipId) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT kpi_ids, ended, reviewed_periods, steering_members, version
                        FROM command_side.partnership_registry WHERE partnership_id = ? FOR SHARE""")
                .param(partnershipId.value())
                .query((rs, row) -> new Stored(Set.of((String[]) rs.getArray("kpi_ids").getArray()),
                        rs.getBoolean("ended"), strings(rs.getArray("reviewed_periods")),
                        strings(rs.getArray("steering_members")), (Long) rs.getObject("version")))
                .optional();
        if (stored.isEmpty() || stored.get().version() == null || !checksStore()) {
            return stored.map(row -> row.known(() -> folded(partnershipId)));
        }
        Optional<Long> last = eventStore.getObject().lastSequenceNumberFor(partnershipId.value());
        if (last.isEmpty()) {
            return Optional.empty(); // the row of a partnership whose opening was never stored
        }
        if (last.get() < stored.get().version()) {
            return Optional.of(folded(partnershipId)); // the row took in events that were never stored
        }
        return stored.map(row -> row.known(() -> folded(partnershipId)));
    }

    /** Decided once, on the first lookup (the event store is built after this bean). */
    private boolean checksStore() {
        Boolean decided = storeChecked;
        if (decided == null) {
            decided = "auto".equals(checkStore) ? !(eventStore.getObject() instanceof EmbeddedEventStore)
                    : Boolean.parseBoolean(checkStore);
            storeChecked = decided;
        }
        return decided;
    }

    /** A row as stored: a null set is a column not kept yet for this partnership; a null version, a row from before. */
    private record Stored(Set<String> kpiIds, boolean ended, Set<String> reviewedPeriods,
                          Set<String> steeringMembers, Long version) {
        Known known(Supplier<Known> fromEvents) {
            if (reviewedPeriods != null && steeringMembers != null) {
                return new Known(kpiIds, ended, reviewedPeriods, steeringMembers);
            }
            Known folded = fromEvents.get();
            return new Known(kpiIds, ended, reviewedPeriods != null ? reviewedPeriods : folded.reviewedPeriods(),
                    steeringMembers != null ? steeringMembers : folded.steeringMembers());
        }
    }

    /** One partnership as its own stored events say, never a snapshot: for rows that cannot be trusted alone. */
    private Known folded(PartnershipId partnershipId) {
        Set<String> kpis = Set.of();
        boolean ended = false;
        Set<String> periods = new LinkedHashSet<>();
        Set<String> members = Set.of();
        DomainEventStream events = eventStore.getObject().readEvents(partnershipId.value(), 0L);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof PartnershipOpened opened) {
                kpis = Set.copyOf(Arrays.asList(kpiIds(opened.kpis())));
            } else if (payload instanceof StrategyRealigned realigned) {
                kpis = Set.copyOf(Arrays.asList(kpiIds(realigned.kpis())));
            } else if (payload instanceof BusinessReviewHeld review) {
                periods.add(review.period());
            } else if (payload instanceof GovernanceCharterSet charter) {
                members = Set.copyOf(charter.steeringMembers());
            } else if (payload instanceof PartnershipEnded) {
                ended = true;
            }
        }
        return new Known(kpis, ended, Set.copyOf(periods), members);
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? null : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String[] kpiIds(List<Kpi> kpis) {
        return kpis.stream().map(Kpi::kpiId).toArray(String[]::new);
    }
}
