package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerOffboarded;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.StrategyRealigned;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramApproved;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds with no downtime and the dead-letter queue, through the HTTP API, on the real PostgreSQL: events are
 * appended to the event store as the command side would and projected by the real processors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a read model that does not handle every event is rebuilt from its types' rows alone, however many they
        // are, so that these tests' histories exercise typed reads (when a share is worth it: HandledTypesTest)
        properties = {"spring.config.name=query-side", "ledger.rebuilds.typed-read-share=1"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class RebuildIT {

    static final int PARTNERSHIPS = 6_000;
    static final String BOARD_TABLES_DIGEST = """
            SELECT md5(string_agg(partnership_id || version || doc::text, ',' ORDER BY partnership_id))
            FROM query_side.partnership_view""";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ReadModels readModels;

    /** A handler with a side effect (think: an e-mail); it must never fire for a replayed event. */
    @ProcessingGroup(SideEffects.NAME)
    @Owns({})
    static class SideEffects {
        static final String NAME = "side-effects";
        static final AtomicInteger SENT = new AtomicInteger();

        @EventHandler
        @DisallowReplay
        void on(PartnershipOpened event) {
            SENT.incrementAndGet();
        }
    }

    /** A projection that cannot handle some partnerships' events (think: a bug their data meets). */
    @ProcessingGroup(Picky.NAME)
    @Owns({})
    static class Picky {
        static final String NAME = "picky";
        /** The partnerships it handled (a batch rolled back and handled again counts each once). */
        static final Set<String> HANDLED = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(PartnershipOpened event) {
            if (event.partnershipId().value().startsWith("picky-")) {
                throw new IllegalStateException("Cannot handle " + event.partnershipId().value());
            }
            HANDLED.add(event.partnershipId().value());
        }
    }

    @TestConfiguration
    static class WithSideEffects {
        @Bean
        SideEffects sideEffects() {
            return new SideEffects();
        }

        @Bean
        Picky picky() {
            return new Picky();
        }
    }

    @Test
    void manyFailingEventsInOneBatchAreParkedInOnePassAndTheRestIsHandled() {
        Http admin = Http.localhost(port).as("admin");
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(opened("picky-" + i, 0));
            batch.add(opened("fine-" + i, 0));
        }
        eventStore.publish(batch);

        // one pass event by event parks all forty; one pass per failing event, each after a longer wait (1, 2,
        // 4 ... 60 s), would take most of an hour
        admin.await("/api/admin/dead-letters?processor=" + Picky.NAME, r -> r.json().get("count").asInt() == 40,
                Duration.ofSeconds(30));
        awaitCaughtUp(admin, Picky.NAME);
        assertThat(Picky.HANDLED.stream().filter(id -> id.startsWith("fine-"))).hasSize(40);
        jdbc.sql("DELETE FROM query_side.dead_letter_entry WHERE processing_group = ?").param(Picky.NAME).update();
    }

    @Test
    void aRebuildKeepsAnsweringFromTheCurrentTablesAndTakesOverWithTheSameData() throws Exception {
        Http admin = Http.localhost(port).as("admin");
        Http board = Http.localhost(port).as("board");
        appendPartnershipsWithPrograms(0, PARTNERSHIPS);
        awaitCaughtUp(admin, "board-views");
        awaitCaughtUp(admin, SideEffects.NAME);
        String before = jdbc.sql(BOARD_TABLES_DIGEST).query(String.class).single();
        int sentBefore = SideEffects.SENT.get();

        BoardReading reading = new BoardReading(board, 17);

        Http.Response accepted = admin.post("/api/admin/processors/board-views/replay", "application/json", "");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/admin/processors/board-views");
        assertThat(admin.post("/api/admin/processors/side-effects/replay", "application/json", "").status())
                .isEqualTo(202);
        JsonNode during = admin.await("/api/admin/processors/board-views",
                r -> r.json().get("state").asText().equals("REPLAYING"), Duration.ofSeconds(5)).json();
        assertThat(during.get("rebuild").get("requestedBy").asText()).isEqualTo("admin");
        assertThat(during.get("replayProgress").asDouble()).isBetween(0.0, 1.0);
        appendPartnershipsWithPrograms(PARTNERSHIPS, 10); // arrives during the rebuild: both copies must get it

        JsonNode after = admin.await("/api/admin/processors/board-views",
                r -> !r.json().get("rebuild").get("completedAt").isNull(), Duration.ofSeconds(120)).json();
        reading.assertEveryAnswerWhole();
        assertThat(after.get("state").asText()).isEqualTo("RUNNING");
        awaitCaughtUp(admin, "board-views");
        appendPartnershipsWithPrograms(PARTNERSHIPS + 10, 1); // the taken-over processor carries on
        board.await("/api/partnerships/p-" + (PARTNERSHIPS + 10), r -> r.status() == 200, Duration.ofSeconds(10));
        awaitCaughtUp(admin, "board-views");
        jdbc.sql("DELETE FROM query_side.partnership_view WHERE partnership_id LIKE 'p-60__'").update();
        assertThat(jdbc.sql(BOARD_TABLES_DIGEST).query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_\\_next' OR tablename LIKE "
                + "'%\\_\\_old'").query(Long.class).single()).isZero();
        admin.await("/api/admin/processors/side-effects",
                r -> !r.json().get("rebuild").get("completedAt").isNull(), Duration.ofSeconds(60));
        assertThat(SideEffects.SENT.get() - sentBefore).as("side effects fired during the rebuilds").isEqualTo(11);
    }

    static final String EVENT_LOG_DIGEST = """
            SELECT md5(string_agg(position || event_id || coalesce(partnership_id, '') || payload::text, ','
                                  ORDER BY position)) FROM analytics.event_log""";
    static final String EVENT_LOG_INDEXES = """
            SELECT count(*) FROM pg_index WHERE indrelid IN (CAST('analytics.event_log' AS regclass),
                CAST('query_side.program_partnership' AS regclass))""";

    @Test
    void aRebuildWhoseCopiesAreUnloggedWhenTheServiceStartsStartsAgainAndTheLiveReadModelStaysAsItWas() {
        Http admin = Http.localhost(port).as("admin");
        appendPartnershipsWithPrograms(20_000, 300);
        awaitCaughtUp(admin, "event-log");
        String before = jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single();
        long indexes = jdbc.sql(EVENT_LOG_INDEXES).query(Long.class).single();

        // the state a crash leaves when copies were unlogged (as earlier versions made them): the rebuild had filled
        // them up to the head, its token says so, and PostgreSQL's crash recovery emptied them
        RebuildCopies copies = unfinishedRebuildOfTheEventLog();
        jdbc.sql("ALTER TABLE analytics.event_log__next SET UNLOGGED").update();
        jdbc.sql("ALTER TABLE query_side.program_partnership__next SET UNLOGGED").update();
        assertThat(copies.durable(List.of("analytics.event_log"))).isFalse();
        jdbc.sql("""
                INSERT INTO query_side.token_entry (processor_name, segment, token, token_type, time_stamp)
                SELECT 'event-log@next', segment, token, token_type, time_stamp FROM query_side.token_entry
                WHERE processor_name = 'event-log'""").update();
        assertThat(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single()).isEqualTo(before);

        rebuilds.resume(); // the service starts again

        admin.await("/api/admin/processors/event-log",
                r -> !r.json().get("rebuild").get("completedAt").isNull(), Duration.ofSeconds(120));
        awaitCaughtUp(admin, "event-log");
        assertThat(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single()).as("rebuilt from scratch")
                .isEqualTo(before);
        assertThat(jdbc.sql(EVENT_LOG_INDEXES).query(Long.class).single()).as("every index built").isEqualTo(indexes);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pg_class WHERE oid IN (CAST('analytics.event_log' AS regclass),
                    CAST('query_side.program_partnership' AS regclass)) AND relpersistence = 'p'""")
                .query(Long.class).single()).as("logged again").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_\\_next'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRebuildStoppedHalfwayResumesFromItsTokenIntoItsLoggedCopiesAndTakesOverWithTheSameData() {
        Http admin = Http.localhost(port).as("admin");
        appendPartnershipsWithPrograms(40_000, 300);
        awaitCaughtUp(admin, "event-log");
        String before = jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single();
        long rows = jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single();
        long halfway = jdbc.sql("SELECT position FROM analytics.event_log ORDER BY position OFFSET ? LIMIT 1")
                .param(rows / 2).query(Long.class).single();

        // the state a stop or a crash leaves: the copies hold what the rebuild committed up to its token, which was
        // committed with them; one copied row is marked, to tell a resumed rebuild from one started again
        RebuildCopies copies = unfinishedRebuildOfTheEventLog();
        assertThat(copies.durable(List.of("analytics.event_log", "query_side.program_partnership")))
                .as("copies are logged while they fill").isTrue();
        jdbc.sql("INSERT INTO analytics.event_log__next SELECT * FROM analytics.event_log WHERE position <= ?")
                .param(halfway).update();
        jdbc.sql("INSERT INTO query_side.program_partnership__next SELECT * FROM query_side.program_partnership")
                .update();
        jdbc.sql("UPDATE analytics.event_log__next SET reason = 'kept from before the stop' WHERE position = ?")
                .param(halfway).update();
        transaction.executeWithoutResult(status -> tokenStore.initializeTokenSegments("event-log@next", 1,
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(Long.MAX_VALUE, Set.of()),
                        GapAwareTrackingToken.newInstance(halfway, Set.of()))));

        rebuilds.resume(); // the service starts again

        admin.await("/api/admin/processors/event-log",
                r -> !r.json().get("rebuild").get("completedAt").isNull(), Duration.ofSeconds(120));
        awaitCaughtUp(admin, "event-log");
        assertThat(jdbc.sql("SELECT reason FROM analytics.event_log WHERE position = ?").param(halfway)
                .query(String.class).single()).as("resumed, not started again").isEqualTo("kept from before the stop");
        assertThat(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single()).as("every event, once").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log").query(Long.class).single())
                .isGreaterThanOrEqualTo(rows);
    }

    static final String IMPACT_FACTS_DIGEST = """
            SELECT md5(string_agg(impact_id || partnership_id || array_to_string(selected_partners, '+') || value,
                                  ',' ORDER BY impact_id)) FROM analytics.impact_fact""";

    @Test
    void readModelsWrittenPerAggregateOrPerPartnershipAreRebuiltInSegmentsAndTheLiveProcessorCarriesOnInOne() {
        Http admin = Http.localhost(port).as("admin");
        Digests before = appendedAndDigested(admin, 60_000, 300);
        assertThat(jdbc.sql("SELECT selected_partners FROM analytics.impact_fact WHERE impact_id = 'i-60007-3'")
                .query(String.class).single()).as("credited to the partners selected then").isEqualTo("{o-b}");

        startsIn("event-log", 2, "by aggregate, in segments");
        startsIn("partner-access", 1, "a read model that says neither: one segment");
        awaitRebuilt(admin, "event-log", "partner-access");
        startsIn("impact-facts", 2, "by partnership, in segments");
        startsIn("pivot-impact", 1, "started while another rebuild keeps the cores busy: one segment");
        awaitRebuilt(admin, "impact-facts", "pivot-impact");
        awaitCaughtUp(admin, "event-log");
        awaitCaughtUp(admin, "impact-facts");
        assertThat(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single()).as("every event, once")
                .isEqualTo(before.log());
        assertThat(jdbc.sql(IMPACT_FACTS_DIGEST).query(String.class).single())
                .as("each fact with the partners selected when it was recorded").isEqualTo(before.facts());
        assertThat(jdbc.sql("""
                        SELECT processor_name || ':' || segment FROM query_side.token_entry
                        WHERE processor_name IN ('event-log', 'impact-facts') ORDER BY 1""")
                .query(String.class).list()).as("the live processors in one segment")
                .containsExactly("event-log:0", "impact-facts:0");
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.token_entry WHERE processor_name LIKE '%@next'")
                .query(Long.class).single()).isZero();

        appendPartnershipsWithPrograms(60_300, 1); // the taken-over processor carries on
        awaitCaughtUp(admin, "event-log");
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.event_log WHERE aggregate_id = 'p-60300'")
                .query(Long.class).single()).isPositive();
        assertThat(ReadModelPositions.of(jdbc, "event-log")).as("the position the log reflects")
                .isEqualTo(jdbc.sql("SELECT max(global_index) FROM event_store.domain_event_entry")
                        .query(Long.class).single());
    }

    @Test
    void everyReadModelRebuiltAtOnceSharesTheCoresAndEqualsWhatItWas() {
        Http admin = Http.localhost(port).as("admin");
        Digests before = appendedAndDigested(admin, 70_000, 200);
        assertThat(Http.localhost(port).as("analyst").post("/api/admin/processors/replay", "application/json", "")
                .status()).as("admins only").isEqualTo(403);

        BoardReading reading = new BoardReading(Http.localhost(port).as("board"), 70_017);
        Http.Response accepted = admin.post("/api/admin/processors/replay", "application/json", "");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/admin/processors");
        List<String> models = readModels.all().stream().map(ReadModel::processor).toList();
        List<String> answered = new java.util.ArrayList<>();
        accepted.json().get("processors").forEach(p -> answered.add(p.get("name").asText()));
        assertThat(answered).as("every read model, and only those").containsExactlyInAnyOrderElementsOf(models);
        assertThat(rebuilds.rebuilding("board-views").orElseThrow().maxCapacity())
                .as("the read model of the most projections starts first, in segments").isEqualTo(2);
        for (String model : List.of("event-log", "impact-facts")) {
            assertThat(rebuilds.rebuilding(model).orElseThrow().maxCapacity())
                    .as(model + ", written per aggregate or partnership but started after another").isEqualTo(1);
        }
        awaitRebuilt(admin, models.toArray(String[]::new));
        reading.assertEveryAnswerWhole();
        awaitCaughtUp(admin, "event-log");
        awaitCaughtUp(admin, "impact-facts");
        assertThat(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single()).as("every event, once")
                .isEqualTo(before.log());
        assertThat(jdbc.sql(IMPACT_FACTS_DIGEST).query(String.class).single()).isEqualTo(before.facts());
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.token_entry WHERE processor_name LIKE '%@next'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void lettersParkedByPartnershipInARebuildGoToTheirAggregatesSequencesWhenItTakesOver() {
        for (String[] letter : List.of(new String[] {"1", "p-1", "0"}, new String[] {"2", "g-1", "1"},
                new String[] {"3", "g-1", "2"})) {
            jdbc.sql("""
                            INSERT INTO query_side.dead_letter_entry (dead_letter_id, processing_group,
                                sequence_identifier, sequence_index, message_type, event_identifier, time_stamp,
                                payload_type, payload, aggregate_identifier, enqueued_at)
                            VALUES (?, 'letters@next', 'p-1', ?, 'DomainEventMessage', ?, '2026-12-05T10:00:00Z',
                                    'x', convert_to('{}', 'UTF8'), ?, '2026-12-05T10:00:00Z')""")
                    .params("letter-" + letter[0], Long.parseLong(letter[2]), "event-" + letter[0], letter[1])
                    .update();
        }

        transaction.executeWithoutResult(status -> deadLetters.handOver("letters@next", "letters", true));

        assertThat(jdbc.sql("""
                        SELECT dead_letter_id || ':' || processing_group || ':' || sequence_identifier || ':'
                            || sequence_index FROM query_side.dead_letter_entry WHERE dead_letter_id LIKE 'letter-%'
                        ORDER BY dead_letter_id""").query(String.class).list())
                .containsExactly("letter-1:letters:p-1:0", "letter-2:letters:g-1:1", "letter-3:letters:g-1:2");
        jdbc.sql("DELETE FROM query_side.dead_letter_entry WHERE processing_group = 'letters'").update();
    }

    /**
     * Partnerships with programs, partners and impact records from {@code from}, handled by the live read models:
     * then the event log's digest and the impact facts'.
     */
    private Digests appendedAndDigested(Http admin, int from, int count) {
        appendPartnershipsWithPrograms(from, count);
        appendPartnersAndImpacts(from, count);
        awaitCaughtUp(admin, "event-log");
        awaitCaughtUp(admin, "impact-facts");
        return new Digests(jdbc.sql(EVENT_LOG_DIGEST).query(String.class).single(),
                jdbc.sql(IMPACT_FACTS_DIGEST).query(String.class).single());
    }

    /** The event log's digest and the impact facts'. */
    private record Digests(String log, String facts) {
    }

    /**
     * A board member reading a list, a partnership and its program over and over while read models are rebuilt:
     * every answer must be a whole 200, as a rebuild has no downtime.
     */
    private static final class BoardReading {
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final List<String> badAnswers = new CopyOnWriteArrayList<>();
        private final AtomicInteger answers = new AtomicInteger();
        private final Thread thread;

        BoardReading(Http board, int partnership) {
            thread = new Thread(() -> {
                while (reading.get()) {
                    Http.Response list = board.get("/api/partnerships?size=5");
                    Http.Response one = board.get("/api/partnerships/p-" + partnership);
                    Http.Response program = board.get("/api/programs/g-" + partnership);
                    if (list.status() != 200 || list.json().get("items").isEmpty() || one.status() != 200
                            || program.status() != 200) {
                        badAnswers.add(list + " / " + one + " / " + program);
                    }
                    answers.incrementAndGet();
                }
            });
            thread.start();
        }

        /** Stops reading, and checks that every answer was whole. */
        void assertEveryAnswerWhole() {
            reading.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(badAnswers).as("answers while rebuilding").isEmpty();
            assertThat(answers.get()).isPositive();
        }
    }

    /** Starts the rebuild of {@code processor} and checks it runs in {@code segments} segments. */
    private void startsIn(String processor, int segments, String why) {
        rebuilds.start(processor, "admin");
        assertThat(rebuilds.rebuilding(processor).orElseThrow().maxCapacity()).as(why).isEqualTo(segments);
    }

    private static void awaitRebuilt(Http admin, String... processors) {
        for (String processor : processors) {
            admin.await("/api/admin/processors/" + processor,
                    r -> r.json().path("rebuild").path("completedAt").isTextual(), Duration.ofSeconds(120));
        }
    }

    /**
     * For each partnership from {@code from}: partners selected and one offboarded between its program's impact
     * records, so each record is credited to other partners (events of two aggregates, whose order matters).
     */
    private void appendPartnersAndImpacts(int from, int count) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String partnership = "p-" + i;
            String program = "g-" + i;
            batch.add(partnershipEvent(partnership, 1, new CandidateShortlisted(new PartnershipId(partnership), "a",
                    "o-a", "Alpha Training", PartnerRole.TRAINING_PROVIDER)));
            batch.add(partnershipEvent(partnership, 2, new CandidateShortlisted(new PartnershipId(partnership), "b",
                    "o-b", "Beta Field", PartnerRole.FIELD_TRAINER)));
            batch.add(partnershipEvent(partnership, 3, new PartnerSelected(new PartnershipId(partnership), "a",
                    "o-a", "Best offer", List.of(), null)));
            batch.add(impact(program, 1, "i-" + i + "-1"));
            batch.add(partnershipEvent(partnership, 4, new PartnerSelected(new PartnershipId(partnership), "b",
                    "o-b", "Second trainer", List.of(), null)));
            batch.add(impact(program, 2, "i-" + i + "-2"));
            batch.add(partnershipEvent(partnership, 5, new PartnerOffboarded(new PartnershipId(partnership), "a",
                    "o-a", "Missed the dates", List.of(), null)));
            batch.add(impact(program, 3, "i-" + i + "-3"));
        }
        eventStore.publish(batch);
    }

    private static DomainEventMessage<?> partnershipEvent(String partnership, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Partnership", partnership, sequence, payload,
                MetaData.with("actor", "alice").and("reason", "Due diligence"));
    }

    private static DomainEventMessage<?> impact(String program, long sequence, String impactId) {
        return new GenericDomainEventMessage<>("Program", program, sequence,
                new ImpactRecorded(new ProgramId(program), impactId, 3, "ttq", new BigDecimal("100"), "days", null,
                        null, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31"), ImpactSource.SURVEY,
                        List.of(), null, null, 1),
                MetaData.with("actor", "bob").and("reason", "Quarterly survey"));
    }

    static final String PIVOT_IMPACT_DIGEST = """
            SELECT md5(string_agg(program_id || partnership_id, ',' ORDER BY program_id))
            FROM analytics.pivot_impact_program""";
    static final String REVIEW_DECISIONS_DIGEST = """
            SELECT md5(coalesce((SELECT string_agg(program_id || partnership_id, ',' ORDER BY program_id)
                        FROM query_side.review_program), '')
                || coalesce((SELECT string_agg(position || event_id || partnership_id || decision_ref || type, ','
                        ORDER BY position) FROM query_side.review_decision), ''))""";

    @Test
    void aReadModelOfAFewEventTypesIsRebuiltFromTheirRowsAndEqualsTheLiveOne() {
        Http admin = Http.localhost(port).as("admin");
        // a history older than the gap timeout, ending with events pivot-impact does not handle (approvals)
        appendPartnershipsWithPrograms(30_000, 200, Instant.parse("2026-01-05T10:00:00Z"));
        appendPartnershipsWithPrograms(30_200, 20);
        awaitCaughtUp(admin, "pivot-impact");
        String before = jdbc.sql(PIVOT_IMPACT_DIGEST).query(String.class).single();

        awaitCaughtUp(admin, "review-decisions");
        String decisionsBefore = jdbc.sql(REVIEW_DECISIONS_DIGEST).query(String.class).single();

        rebuilds.start("pivot-impact", "admin");
        rebuilds.start("review-decisions", "admin");
        Set<String> read = rebuilds.readsOnly("pivot-impact").orElseThrow();

        assertThat(read).contains(PartnershipOpened.class.getName(), ProgramProposed.class.getName())
                .doesNotContain(ProgramApproved.class.getName());
        assertThat(rebuilds.readsOnly("review-decisions")).as("a handler of every event acting on some types only")
                .hasValueSatisfying(types -> assertThat(types)
                        .contains(ProgramProposed.class.getName(), ProgramApproved.class.getName())
                        .doesNotContain(PartnershipOpened.class.getName()));
        assertThat(rebuilds.readsOnly("event-log")).as("the event log handles every event").isEmpty();
        awaitRebuilt(admin, "pivot-impact", "review-decisions");
        awaitCaughtUp(admin, "pivot-impact");
        awaitCaughtUp(admin, "review-decisions");
        assertThat(jdbc.sql(PIVOT_IMPACT_DIGEST).query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql(REVIEW_DECISIONS_DIGEST).query(String.class).single()).isEqualTo(decisionsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.review_decision").query(Long.class).single())
                .as("each old approval names its review").isGreaterThanOrEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.pivot_impact_program").query(Long.class).single())
                .isGreaterThanOrEqualTo(200);
        assertThat(rebuilds.readsOnly("pivot-impact")).as("no rebuild runs any more").isEmpty();
        assertThat(ReadModelPositions.gapsOf(jdbc, "pivot-impact")).as("no gap for the rows left out").isEmpty();
    }

    @Test
    void aPoisonEventParksOnlyItsAggregatesSequenceUntilRetriedOrEvicted() {
        Http admin = Http.localhost(port).as("admin");
        Http board = Http.localhost(port).as("board");
        eventStore.publish(opened("poisoned", 0));
        insertUnreadableEvent("poisoned", 1);
        eventStore.publish(realigned("poisoned", 2));
        eventStore.publish(opened("healthy", 0));

        board.await("/api/partnerships/healthy", r -> r.status() == 200, Duration.ofSeconds(10));
        JsonNode letters = admin.await("/api/admin/dead-letters?processor=board-views",
                r -> r.json().get("count").asInt() == 2, Duration.ofSeconds(10)).json().get("deadLetters");
        assertThat(letters.get(0).get("sequence").asText()).isEqualTo("poisoned");
        assertThat(letters.get(0).get("causeType").asText()).contains("Serialization");
        assertThat(letters.get(1).get("eventType").asText()).isEqualTo("StrategyRealigned");
        assertThat(board.get("/api/partnerships/poisoned").json().get("version").asLong()).isZero();

        String poison = letters.get(0).get("id").asText();
        JsonNode retried = admin.post("/api/admin/dead-letters/" + poison + "/retry", "application/json", "").json();
        assertThat(retried.get("handled").asBoolean()).isFalse();
        assertThat(retried.get("stillParked")).hasSize(2);

        Http.Response noReason = admin.delete("/api/admin/dead-letters/" + poison);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("code").asText()).isEqualTo("REASON_REQUIRED");
        Http.Response evicted = admin.delete("/api/admin/dead-letters/" + poison + "?reason=Unreadable%20payload");
        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.json().get("evictedBy").asText()).isEqualTo("admin");
        assertThat(admin.get("/api/admin/dead-letters/evictions").json().get("evictions").get(0).get("reason")
                .asText()).isEqualTo("Unreadable payload");

        String next = letters.get(1).get("id").asText();
        JsonNode second = admin.post("/api/admin/dead-letters/" + next + "/retry", "application/json", "").json();
        assertThat(second.get("handled").asBoolean()).isTrue();
        assertThat(board.get("/api/partnerships/poisoned").json().get("version").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/admin/dead-letters?processor=board-views").json().get("count").asInt()).isZero();
        assertThat(admin.get("/api/admin/dead-letters/" + next).json().get("code").asText())
                .isEqualTo("DEAD_LETTER_NOT_FOUND");
    }

    @Test
    void anUnknownProcessorIs404AndOnlyAdminsMayReplay() {
        Http.Response unknown = Http.localhost(port).as("admin")
                .post("/api/admin/processors/no-such-thing/replay", "application/json", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("PROCESSOR_NOT_FOUND");
        assertThat(Http.localhost(port).as("analyst")
                .post("/api/admin/processors/board-views/replay", "application/json", "").status()).isEqualTo(403);
    }

    private void awaitCaughtUp(Http admin, String processor) {
        // a service still starting (or its store not answering yet) answers 503 without a status: wait on
        admin.await("/api/admin/processors/" + processor, r -> r.status() == 200
                && r.json().path("caughtUp").asBoolean() && r.json().path("lag").asLong(-1) == 0,
                Duration.ofSeconds(120));
    }

    /** The event log's rebuild as the service left it: its copies made, asked for and unfinished, no token yet. */
    private RebuildCopies unfinishedRebuildOfTheEventLog() {
        RebuildCopies copies = new RebuildCopies(jdbc);
        copies.create("analytics.event_log");
        copies.create("query_side.program_partnership");
        jdbc.sql("""
                INSERT INTO query_side.read_model_rebuild (processor, requested_by, requested_at)
                VALUES ('event-log', 'admin', now())
                ON CONFLICT (processor) DO UPDATE SET completed_at = NULL""").update();
        jdbc.sql("DELETE FROM query_side.token_entry WHERE processor_name = 'event-log@next'").update();
        return copies;
    }

    private void appendPartnershipsWithPrograms(int from, int count) {
        appendPartnershipsWithPrograms(from, count, null);
    }

    /**
     * {@code at}: when they were recorded, with an approval of each program (taken by the review of 2026-Q1); null:
     * now, and no approval.
     */
    private void appendPartnershipsWithPrograms(int from, int count, Instant at) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            MetaData bob = MetaData.with("actor", "bob").and("reason", "First cohort");
            ProgramProposed proposed = new ProgramProposed(new ProgramId("g-" + i), new PartnershipId("p-" + i),
                    "Selling", List.of("Close more"), "New reps", List.of("ttq"),
                    List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1);
            if (at == null) {
                batch.add(opened("p-" + i, 0));
                batch.add(new GenericDomainEventMessage<>("Program", "g-" + i, 0, proposed, bob));
            } else {
                DomainEventMessage<?> opened = opened("p-" + i, 0);
                batch.add(new GenericDomainEventMessage<>("Partnership", "p-" + i, 0, opened.getPayload(),
                        opened.getMetaData(), UUID.randomUUID().toString(), at));
                batch.add(new GenericDomainEventMessage<>("Program", "g-" + i, 0, proposed, bob,
                        UUID.randomUUID().toString(), at));
                batch.add(new GenericDomainEventMessage<>("Program", "g-" + i, 1,
                        new ProgramApproved(new ProgramId("g-" + i), "carol", List.of(), "2026-Q1"), bob,
                        UUID.randomUUID().toString(), at));
            }
            if (batch.size() >= 1_000) {
                eventStore.publish(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
    }

    private static DomainEventMessage<PartnershipOpened> opened(String id, long sequence) {
        return new GenericDomainEventMessage<>("Partnership", id, sequence,
                new PartnershipOpened(new PartnershipId(id), "Academy " + id, "Acme Retail", "Productive in 90 days",
                        List.of(kpi())),
                MetaData.with("actor", "alice").and("reason", "Onboarding takes too long"));
    }

    private static DomainEventMessage<StrategyRealigned> realigned(String id, long sequence) {
        return new GenericDomainEventMessage<>("Partnership", id, sequence,
                new StrategyRealigned(new PartnershipId(id), "Productive in 60 days", List.of(kpi()), "Market moved"),
                MetaData.with("actor", "alice").and("reason", "Market moved"));
    }

    private static Kpi kpi() {
        return new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"),
                LocalDate.parse("2027-06-30"));
    }

    /** An event written by something other than this ledger's code: its payload is not JSON. */
    private void insertUnreadableEvent(String aggregate, long sequence) {
        jdbc.sql("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (gen_random_uuid()::text, ?, ?, 'Partnership', '2026-11-23T10:00:00Z', ?, '1',
                                convert_to('{not json', 'UTF8'), convert_to('{}', 'UTF8'))""")
                .params(aggregate, sequence, StrategyRealigned.class.getName())
                .update();
    }
}
