package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * "From the beginning" has one meaning on both stores: {@code after=-1}, or no {@code after} at all for the stream
 * and the export. Axon Server numbers its events from 0, so its first event has position 0 in the event log; here
 * the event log is given that event directly, as the {@code event-log} processor records it on Axon Server (the
 * token of event 0 is {@code GlobalSequenceTrackingToken(0)}; see {@code PositionedEventMessage.positionOf}).
 * Stream, export and webhooks subscribed while the store was still empty each deliver it.
 */
class FirstPositionIT {

    static LedgerRunner ledger;
    static FaultKit.Receiver fromNow;
    static FaultKit.Receiver fromTheStart;
    static CompletableFuture<List<SseClient.Message>> streamFromTheStart;

    @BeforeAll
    static void anEmptyLedgerWithEveryKindOfReaderWaiting() throws Exception {
        ledger = new LedgerRunner().startQuerySide();
        Http integration = ledger.queries("integration");
        fromNow = new FaultKit.Receiver();
        fromTheStart = new FaultKit.Receiver();
        subscribe(integration, fromNow, "");
        subscribe(integration, fromTheStart, ", \"after\": -1");
        streamFromTheStart = CompletableFuture.supplyAsync(() -> read("", null));
        Thread.sleep(1_000); // several ticks of the stream and of webhook delivery over an empty event log

        try (Connection db = DriverManager.getConnection(ledger.database, "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO analytics.event_log (position, event_id, partnership_id, aggregate_id, aggregate_type,
                        sequence_number, type, occurred_at, actor, reason, payload, metadata, correlation_id,
                        causation_id)
                    VALUES (0, 'first-event', 'P-0', 'P-0', 'Partnership', 0, 'ConcernRaised', now(), 'manager',
                            'Late SME reviews', jsonb_build_object('partnershipId', 'P-0', 'raisedBy', 'PARTNER',
                                'subject', 'Late SME reviews', 'description', 'Two weeks late'),
                            jsonb_build_object('actor', 'manager'), 'req-0', 'cmd-0')""");
            statement.execute("""
                    INSERT INTO query_side.read_model_position (processor, position) VALUES ('event-log', 0)
                    ON CONFLICT (processor) DO UPDATE SET position = EXCLUDED.position""");
        }
    }

    @AfterAll
    static void stop() {
        fromNow.close();
        fromTheStart.close();
        ledger.close();
    }

    @Test
    void theStreamFromTheBeginningDeliversPositionZero() throws Exception {
        assertThat(streamFromTheStart.get()).extracting(SseClient.Message::id).containsExactly("0");
        assertThat(read("?after=-1", null)).extracting(SseClient.Message::id).containsExactly("0");
        assertThat(read("", "-1")).extracting(SseClient.Message::id).containsExactly("0");
        assertThat(SseClient.read(ledger.queryPort(), "integration", "/api/stream?after=0", null, 1,
                Duration.ofSeconds(2), SseClient.Message::isLogEvent)).as("after 0 is after the first event").isEmpty();
    }

    @Test
    void theExportFromTheBeginningHasPositionZero() {
        Http analyst = ledger.queries("analyst");
        for (String query : List.of("", "?after=-1")) {
            Http.Response export = analyst.get("/api/export/events" + query);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.raw().body().lines().toList()).singleElement().asString()
                    .contains("\"position\":\"0\"").contains("\"id\":\"first-event\"");
        }
        assertThat(analyst.get("/api/export/events?after=0").raw().body()).isEmpty();
    }

    @Test
    void webhooksSubscribedFromNowOnAnEmptyStoreOrFromTheBeginningGetPositionZero() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((fromNow.positions.isEmpty() || fromTheStart.positions.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(fromNow.positions).containsExactly(0L);
        assertThat(fromTheStart.positions).containsExactly(0L);
    }

    @Test
    void belowMinusOneIsRefusedAlikeEverywhere() {
        Http.Response stream = ledger.queries("integration").get("/api/stream?after=-2");
        Http.Response export = ledger.queries("analyst").get("/api/export/events?after=-2");
        Http.Response webhook = ledger.queries("integration").postJson("/api/subscriptions", """
                {"url": "https://hooks.example.org/ledger", "types": ["ledger.*"], "after": -2}""");

        for (Http.Response refused : List.of(stream, export, webhook)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private static List<SseClient.Message> read(String query, String lastEventId) {
        try {
            return SseClient.read(ledger.queryPort(), "integration", "/api/stream" + query, lastEventId, 1,
                    Duration.ofSeconds(20), SseClient.Message::isLogEvent);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void subscribe(Http integration, FaultKit.Receiver receiver, String after) {
        Http.Response created = integration.postJson("/api/subscriptions", """
                {"url": "http://127.0.0.1:%d/hook", "types": ["ledger.*"]%s}"""
                .formatted(receiver.port(), after));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
