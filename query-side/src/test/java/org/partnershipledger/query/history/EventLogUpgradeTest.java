package org.partnershipledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Upgrading to DueDiligenceAssessed revision 2: an event log that holds a revision-1 payload (evidence as text) is
 * rebuilt when the query side starts, so what it serves takes the shape the events are now read in; one that holds
 * none is left alone (a fresh ledger starts no rebuild).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventLogUpgradeTest {

    private static final String MIGRATION = "/db/query_side/V13__due_diligence_evidence_revision_2.sql";
    private static final long POSITION = 9_000_000_001L;
    private static final String REQUESTED_BY = "ledger (upgrade: due-diligence evidence, revision 2)";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM analytics.event_log WHERE position = ?").param(POSITION).update();
        jdbc.sql("DELETE FROM query_side.read_model_rebuild WHERE processor = 'event-log' AND requested_by = ?")
                .param(REQUESTED_BY).update();
    }

    @Test
    void anEventLogWithRevision1DueDiligenceIsRebuiltAtStart() throws IOException {
        logDueDiligence("\"evidence\": \"Three reference calls\"");

        migrate();

        assertThat(requestedRebuild()).contains(REQUESTED_BY);
    }

    @Test
    void anEventLogWithOnlyRevision2DueDiligenceIsLeftAlone() throws IOException {
        logDueDiligence("\"evidence\": [{\"type\": \"DOCUMENT\", \"ref\": \"https://dms.example/a.pdf\"}]");

        migrate();

        assertThat(requestedRebuild()).isNotEqualTo(Optional.of(REQUESTED_BY));
    }

    private void logDueDiligence(String evidence) {
        jdbc.sql("""
                        INSERT INTO analytics.event_log (position, event_id, partnership_id, aggregate_id, aggregate_type,
                            sequence_number, type, occurred_at, payload, metadata)
                        VALUES (?, 'upgrade-test', 'p-1', 'p-1', 'Partnership', 2, 'DueDiligenceAssessed', now(),
                                CAST(? AS jsonb), '{}')""")
                .params(POSITION, "{\"partnershipId\": \"p-1\", \"partnerId\": \"c-1\", \"criterion\": \"EXPERTISE\", "
                        + "\"score\": 4, " + evidence + "}")
                .update();
    }

    /** The migration's statement, run again as Flyway runs it: in the query side's schema. */
    private void migrate() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("INSERT INTO read_model_rebuild", "INSERT INTO query_side.read_model_rebuild");
            jdbc.sql(sql).update();
        }
    }

    private Optional<String> requestedRebuild() {
        return jdbc.sql("""
                        SELECT requested_by FROM query_side.read_model_rebuild
                        WHERE processor = 'event-log' AND completed_at IS NULL""")
                .query(String.class).optional();
    }
}
