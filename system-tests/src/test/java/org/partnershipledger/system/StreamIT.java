package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.query.QuerySideApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;

/** The CloudEvents stream as an integration uses it: history, then live; resumable; filtered. */
class StreamIT {

    static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    static final ObjectMapper JSON = new ObjectMapper();

    static LedgerRunner ledger;
    static PartnershipLife life;
    static long total;

    @BeforeAll
    static void liveAPartnership() throws Exception {
        ledger = new LedgerRunner().start();
        life = new PartnershipLife(ledger.commands("manager")).live();
        total = life.partnershipVersion + 1 + life.programVersion + 1;
        ledger.queries("board").await("/api/partnerships/" + life.partnershipId + "/history",
                r -> r.status() == 200 && r.json().get("total").asLong() == total, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    static int queryPort() {
        return ((WebServerApplicationContext) ledger.querySide).getWebServer().getPort();
    }

    /** The events of the log; a signed checkpoint the audit log happens to push meanwhile is left out. */
    static List<SseClient.Message> read(String query, String lastEventId, long count) throws Exception {
        return SseClient.read(queryPort(), "integration", "/api/stream" + query, lastEventId, (int) count,
                Duration.ofSeconds(15), SseClient.Message::isLogEvent);
    }

    @Test
    void everyEventArrivesOnceInOrderAsAValidCloudEvent() throws Exception {
        List<SseClient.Message> messages = read("", null, total);

        assertThat(messages).hasSize((int) total);
        List<Long> ids = messages.stream().map(m -> Long.parseLong(m.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(getClass().getResourceAsStream("/cloudevents-1.0.schema.json"));
        for (SseClient.Message message : messages) {
            assertThat(schema.validate(mapper.readTree(message.data()))).as(message.data()).isEmpty();
            CloudEvent event = CLOUD_EVENTS.deserialize(message.data().getBytes(StandardCharsets.UTF_8));
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getType()).matches("ledger\\.(partnership|program)\\.[a-z-]+\\.v[0-9]+")
                    .isEqualTo(message.event());
            assertThat(event.getSource().toString()).isEqualTo("/partnership-ledger");
            assertThat(event.getId()).isNotBlank();
            assertThat(event.getSubject()).isNotBlank();
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getDataSchema().toString()).as("where the client reached the ledger")
                    .isEqualTo("http://localhost:" + queryPort() + "/api/schemas/" + event.getType());
            assertThat(event.getExtension("position").toString()).isEqualTo(message.id());
            assertThat(event.getExtension("actor")).isEqualTo("manager");
            assertThat(event.getExtension("partnershipid")).isEqualTo(life.partnershipId);
            assertThat(event.getExtension("correlationid")).isNotNull();
            assertThat(event.getData()).isNotNull();
        }
        CloudEvent first = CLOUD_EVENTS.deserialize(messages.get(0).data().getBytes(StandardCharsets.UTF_8));
        assertThat(first.getType()).isEqualTo("ledger.partnership.partnership-opened.v1");
        assertThat(first.getExtension("reason")).isEqualTo("Sales onboarding takes too long");
    }

    @Test
    void resumingAfterAnyPointGivesExactlyTheRest() throws Exception {
        List<SseClient.Message> all = read("", null, total);
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        int[] cuts = {1, (int) total - 1, 1 + random.nextInt((int) total - 1), 1 + random.nextInt((int) total - 1),
                1 + random.nextInt((int) total - 1)};
        System.out.println("Resume points (seed " + seed + "): " + java.util.Arrays.toString(cuts));
        for (int cut : cuts) {
            List<SseClient.Message> head = all.subList(0, cut);
            List<SseClient.Message> rest = read("", head.get(cut - 1).id(), total - cut);
            List<String> union = new ArrayList<>(head.stream().map(SseClient.Message::id).toList());
            union.addAll(rest.stream().map(SseClient.Message::id).toList());
            assertThat(union).as("cut at %d", cut).isEqualTo(all.stream().map(SseClient.Message::id).toList());
        }
        List<SseClient.Message> viaQuery = read("?after=" + all.get(4).id(), null, total - 5);
        assertThat(viaQuery.get(0).id()).isEqualTo(all.get(5).id());
    }

    @Test
    void filtersByTypePrefixAndByPartnership() throws Exception {
        List<SseClient.Message> dueDiligence = read("?types=ledger.partnership.due-diligence-*", null, 4);
        assertThat(dueDiligence).hasSize(4).allMatch(m -> m.event().equals("ledger.partnership.due-diligence-assessed.v2"));
        CloudEvent assessed = CLOUD_EVENTS.deserialize(dueDiligence.get(0).data().getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(assessed.getData().toBytes()).at("/evidence/0/type").asText())
                .as("revision 2: typed references").isEqualTo("DOCUMENT");
        List<SseClient.Message> none = SseClient.read(queryPort(), "integration",
                "/api/stream?partnershipId=someone-else", null, 1, Duration.ofSeconds(2));
        assertThat(none).isEmpty();
    }

    @Test
    void newEventsArriveLiveAfterTheHistory() throws Exception {
        long head = ledger.querySide.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT max(position) FROM analytics.event_log").query(Long.class).single();
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return read("?types=ledger.partnership.concern-raised.v1&after=" + head, null, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        Http.Response raised = ledger.commands("manager").postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Live one\", \"description\": \"d\"}");
        assertThat(raised.status()).isEqualTo(201);

        List<SseClient.Message> messages = waiting.get();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).data()).contains("Live one");
    }

    @Test
    void theExportHasEveryEventOncePerLineInTheStreamsEnvelopeAndResumes() throws Exception {
        Http analyst = ledger.queries("analyst");
        List<String> lines = analyst.get("/api/export/events").raw().body().lines().toList();
        assertThat(lines.size()).isGreaterThanOrEqualTo((int) total);
        List<Long> positions = lines.stream().map(line -> Long.parseLong(CLOUD_EVENTS
                .deserialize(line.getBytes(StandardCharsets.UTF_8)).getExtension("position").toString())).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(lines.get(0)).isEqualTo(read("", null, 1).get(0).data());

        theExportRoundTripsToTheStoredEvents(lines);

        List<String> rest = analyst.get("/api/export/events?after=" + positions.get(9)).raw().body().lines().toList();
        assertThat(rest).isEqualTo(lines.subList(10, lines.size()));
        assertThat(analyst.get("/api/export/events?type=ledger.partnership.due-diligence-*").raw().body().lines())
                .hasSize(4);
        assertThat(analyst.get("/api/export/events?type=DueDiligenceAssessed").raw().body().lines()).hasSize(4);
    }

    /** Each line's data reads back as the very event the event store holds for its subject and sequence. */
    private static void theExportRoundTripsToTheStoredEvents(List<String> lines) throws Exception {
        EventStore store = ledger.querySide.getBean(EventStore.class);
        ObjectMapper json = ledger.querySide.getBean(ObjectMapper.class);
        for (String line : lines) {
            CloudEvent event = CLOUD_EVENTS.deserialize(line.getBytes(StandardCharsets.UTF_8));
            long sequence = Long.parseLong(event.getExtension("sequence").toString());
            DomainEventMessage<?> stored = store.readEvents(event.getSubject(), sequence).next();
            assertThat(stored.getSequenceNumber()).isEqualTo(sequence);
            assertThat(event.getId()).isEqualTo(stored.getIdentifier());
            assertThat(json.readValue(event.getData().toBytes(), stored.getPayloadType()))
                    .as(line).isEqualTo(stored.getPayload());
        }
    }

    @Test
    void impactFactsExportAsCsvWithAHeader() {
        Http.Response csv = ledger.queries("analyst").get("/api/export/impact-facts.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.raw().body().lines().toList();
        assertThat(lines.get(0)).startsWith("impact_id,program_id,partnership_id,selected_partners,kpi_id,level,value");
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.get(1)).contains(life.programId, "acme-learning", ",ttq,");
        assertThat(csv.raw().body()).contains("\r\n");
    }

    @Test
    void theSchemasOfEveryTypeAreServed() {
        Http board = ledger.queries("board");
        JsonNode types = board.get("/api/schemas").json().get("types");
        assertThat(types.findValuesAsText("type")).contains("ledger.program.curriculum-pivoted.v1",
                "ledger.partnership.partnership-opened.v1");
        JsonNode schema = board.get("/api/schemas/ledger.program.curriculum-pivoted.v1").json();
        assertThat(schema.at("/properties/trigger/enum").findValuesAsText("")).isEmpty();
        assertThat(schema.at("/properties/trigger/enum/0").asText()).isEqualTo("INDUSTRY_SHIFT");
        assertThat(schema.at("/properties/programId/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/modules/items/properties/title/type").asText()).isEqualTo("string");
        assertThat(board.get("/api/schemas/ledger.nope.v1").status()).isEqualTo(404);
        assertThat(types.findValuesAsText("type")).as("a retired version stays served beside the current one")
                .contains("ledger.partnership.due-diligence-assessed.v1", "ledger.partnership.due-diligence-assessed.v2");
        assertThat(board.get("/api/schemas/ledger.partnership.due-diligence-assessed.v1").json()
                .at("/properties/evidence/type").asText()).isEqualTo("string");
        assertThat(board.get("/api/schemas/ledger.partnership.due-diligence-assessed.v2").json()
                .at("/properties/evidence/items/properties/ref/type").asText()).isEqualTo("string");
    }

    @Test
    void twoHundredSubscribersAllGetANewEventLive() throws Exception {
        var clients = java.util.concurrent.Executors.newFixedThreadPool(200);
        List<java.util.concurrent.Future<List<SseClient.Message>>> subscribers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            subscribers.add(clients.submit(() -> SseClient.read(queryPort(), "integration",
                    "/api/stream?types=ledger.partnership.concern-resolved.v1&after=" + total, null, 1,
                    Duration.ofSeconds(40))));
        }
        Thread.sleep(5000); // all connected and caught up
        Http manager = ledger.commands("manager");
        String concern = manager.postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"For everyone\", \"description\": \"d\"}")
                .json().get("concernId").asText();
        assertThat(manager.postJson("/api/partnerships/" + life.partnershipId + "/concerns/" + concern + "/resolution",
                "{\"resolution\": \"Done\"}").status()).isEqualTo(200);

        for (var subscriber : subscribers) {
            assertThat(subscriber.get()).hasSize(1).allMatch(m -> m.data().contains("Done"));
        }
        clients.shutdownNow();
    }

    @Test
    void aResumedStreamContinuesAcrossARestartOfTheQuerySide() throws Exception {
        List<SseClient.Message> before = read("", null, 5);
        ledger.querySide.close();
        ledger.querySide = QuerySideApplication.builder().properties("ledger.db.url=" + ledger.database,
                "ledger.db.user=postgres", "ledger.db.pool-size=5").run("--server.port=0");

        List<SseClient.Message> after = read("", before.get(4).id(), total - 5);

        assertThat(after).hasSize((int) (total - 5));
        assertThat(Long.parseLong(after.get(0).id())).isGreaterThan(Long.parseLong(before.get(4).id()));
    }
}
