package org.partnershipledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Each handler of the event log projection, on the real read-model tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventLogProjectionTest {

    @Autowired
    EventLogProjection projection;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    @Test
    void anOpenedPartnershipIsItsFirstHistoryEntryWithWhoWhyAndRequest() {
        var opened = HistoryEvents.opened("p-1", "alice", "Onboarding takes too long");
        projection.on(opened.getPayload(), opened, new GlobalSequenceTrackingToken(7));

        Map<String, Object> row = jdbc.sql("SELECT * FROM analytics.event_log").query().singleRow();
        assertThat(row).containsEntry("position", 7L).containsEntry("partnership_id", "p-1")
                .containsEntry("aggregate_type", "Partnership").containsEntry("type", "PartnershipOpened")
                .containsEntry("actor", "alice").containsEntry("reason", "Onboarding takes too long")
                .containsEntry("correlation_id", "req-1").containsEntry("causation_id", "cmd-1");
        assertThat(row.get("payload").toString()).contains("\"client\": \"Acme Retail\"");
    }

    @Test
    void programEventsJoinTheirPartnershipsHistory() {
        var proposed = HistoryEvents.proposed("prog-1", "p-1", "bob");
        projection.on(proposed.getPayload(), proposed, new GlobalSequenceTrackingToken(8));
        var later = HistoryEvents.laterProgramEvent("prog-1", 1);
        projection.on(later.getPayload(), later, new GlobalSequenceTrackingToken(9));

        List<String> partnerships = jdbc.sql("SELECT partnership_id FROM analytics.event_log ORDER BY position")
                .query(String.class).list();
        assertThat(partnerships).containsExactly("p-1", "p-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(opened.getPayload(), opened, new GlobalSequenceTrackingToken(7));
        projection.on(opened.getPayload(), opened, new GlobalSequenceTrackingToken(7));
        var proposed = HistoryEvents.proposed("prog-1", "p-1", "bob");
        projection.on(proposed.getPayload(), proposed, new GlobalSequenceTrackingToken(8));
        projection.on(proposed.getPayload(), proposed, new GlobalSequenceTrackingToken(8));

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.program_partnership").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventOfAnAggregateOutsideAnyPartnershipIsStillLoggedForAnalysts() {
        var orphan = HistoryEvents.laterProgramEvent("unknown-program", 3);
        projection.on(orphan.getPayload(), orphan, new GlobalSequenceTrackingToken(10));

        assertThat(jdbc.sql("SELECT partnership_id FROM analytics.event_log").query().singleRow())
                .containsEntry("partnership_id", null);
    }

    @Test
    void theWholeMetadataIsKeptForAnalysts() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(opened.getPayload(), opened, new GlobalSequenceTrackingToken(7));

        assertThat(jdbc.sql("SELECT metadata->>'correlationId' FROM analytics.event_log").query(String.class).single())
                .isEqualTo("req-1");
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        var opened = HistoryEvents.opened("p-1", "alice", "why");
        projection.on(opened.getPayload(), opened, new GlobalSequenceTrackingToken(7));

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single()).isZero();
    }
}
