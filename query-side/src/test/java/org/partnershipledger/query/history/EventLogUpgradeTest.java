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
 * none is left alone (a fresh ledger starts no rebuild). And upgrading to an event log without a unique index on
 * event ids, whatever name an earlier rebuild's take-over gave it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class EventLogUpgradeTest {

    private static final String MIGRATION = "/db/query_side/V13__due_diligence_evidence_revision_2.sql";
    private static final String NO_UNIQUE_EVENT_ID = "/db/query_side/V17__event_log_without_unique_event_id.sql";
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

        migrate(MIGRATION);

        assertThat(requestedRebuild()).contains(REQUESTED_BY);
    }

    @Test
    void anEventLogWithOnlyRevision2DueDiligenceIsLeftAlone() throws IOException {
        logDueDiligence("\"evidence\": [{\"type\": \"DOCUMENT\", \"ref\": \"https://dms.example/a.pdf\"}]");

        migrate(MIGRATION);

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

    @Test
    void theEventIdsUniqueIndexIsDroppedWhateverItsName() throws IOException {
        assertThat(uniqueConstraints()).as("a ledger migrated from scratch").isZero();
        // as an event log taken over from a rebuild's copy carries it, and one left finished by an earlier version
        jdbc.sql("ALTER TABLE analytics.event_log ADD UNIQUE (event_id)").update();
        jdbc.sql("CREATE TABLE analytics.event_log__next (LIKE analytics.event_log INCLUDING ALL)").update();
        try {
            assertThat(uniqueConstraints()).isEqualTo(2);

            migrate(NO_UNIQUE_EVENT_ID);

            assertThat(uniqueConstraints()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_index WHERE indrelid = 'analytics.event_log'::regclass")
                    .query(Integer.class).single()).as("its key and the two indexes lookups use").isEqualTo(3);
        } finally {
            jdbc.sql("DROP TABLE analytics.event_log__next").update();
        }
    }

    private int uniqueConstraints() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_constraint WHERE contype = 'u'
                          AND conrelid IN (SELECT oid FROM pg_class WHERE oid IN (
                              to_regclass('analytics.event_log'), to_regclass('analytics.event_log__next')))""")
                .query(Integer.class).single();
    }

    /** The migration's statement, run again as Flyway runs it: in the query side's schema. */
    private void migrate(String migration) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(migration)) {
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
