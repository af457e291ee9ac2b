package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.query.audit.CheckpointSigned;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every integration is a witness of the audit log: each signed checkpoint reaches the stream's subscribers live (as
 * {@code ledger.audit.checkpoint.v1}, without an SSE id, so resuming by Last-Event-ID is untouched) and every webhook
 * subscription that takes the type, durably and signed. Checkpoints are stored and announced here as the audit log
 * does it: a row of {@code query_side.audit_checkpoint}, then the {@link CheckpointSigned} application event.
 */
class CheckpointWitnessIT {

    static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "ledger.audit.checkpoint.v1";
    static final String ORIGIN = "ledger.test/audit";
    static final String FINGERPRINT = "SHA256:" + "5e".repeat(32);
    static final String SECRET = "a-webhook-secret-of-ours";
    /** Far above any tree this ledger signs on its own, each one the latest when made. */
    static final AtomicLong TREE_SIZES = new AtomicLong(1_000_000);

    static LedgerRunner ledger;
    static HttpServer receivers;
    static String partnershipId;
    static final List<SignedDelivery> witnessed = new CopyOnWriteArrayList<>();
    static final AtomicInteger witnessAttempts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.createContext("/witness", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = witnessAttempts.incrementAndGet() == 1;
            if (!fail) {
                witnessed.add(SignedDelivery.of(exchange, body));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        receivers.start();
        ledger = new LedgerRunner().start("ledger.webhooks.initial-backoff=50ms", "ledger.webhooks.max-failures=5");
        Http.Response opened = ledger.commands("manager").postJson("/api/partnerships", """
                {"name": "Witnessed academy", "client": "Acme Retail", "vision": "Checked by everyone",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90,
                           "dueDate": "2027-06-30"}],
                 "reason": "Witnesses"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        partnershipId = opened.json().get("partnershipId").asText();
        raiseConcern("First");
        raiseConcern("Second");
        ledger.queries("board").await("/api/partnerships/" + partnershipId + "/history",
                r -> r.status() == 200 && r.json().get("total").asLong() == 3, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        ledger.close();
        receivers.stop(0);
    }

    @Test
    void aStreamSubscriberReceivesEachCheckpointLiveAsAValidCloudEventWithoutAnId() throws Exception {
        long treeSize = TREE_SIZES.incrementAndGet();
        CompletableFuture<List<SseClient.Message>> waiting = readAsync("?types=" + TYPE, null, 1,
                m -> TYPE.equals(m.event()) && m.data().contains("\"treeSize\":" + treeSize));
        Thread.sleep(1000);
        CheckpointSigned signed = sign(treeSize);

        List<SseClient.Message> messages = waiting.get();

        assertThat(messages).hasSize(1);
        SseClient.Message message = messages.get(0);
        assertThat(message.id()).as("no id: line").isNull();
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(getClass().getResourceAsStream("/cloudevents-1.0.schema.json"));
        assertThat(schema.validate(JSON.readTree(message.data()))).as(message.data()).isEmpty();
        assertIsTheCheckpoint(message.data(), signed);
        JsonNode types = ledger.queries("integration").get("/api/schemas").json().get("types");
        assertThat(types.findValuesAsText("type")).contains(TYPE);
        JsonNode dataSchema = ledger.queries("integration").get("/api/schemas/" + TYPE).json();
        assertThat(dataSchema.at("/properties/rootHash/type").asText()).isEqualTo("string");
        assertThat(dataSchema.at("/properties/treeSize/type").asText()).isEqualTo("integer");
    }

    @Test
    void resumingByLastEventIdStillGivesExactlyTheEventsAfterACheckpointWasSent() throws Exception {
        long head = head();
        long treeSize = TREE_SIZES.incrementAndGet();
        // unfiltered: the events after head and the checkpoint, in the order the stream sends them
        CompletableFuture<List<SseClient.Message>> live = readAsync("", String.valueOf(head), 2,
                m -> m.isLogEvent() || m.data().contains("\"treeSize\":" + treeSize));
        Thread.sleep(1000);
        sign(treeSize);
        Thread.sleep(1000);
        raiseConcern("After the checkpoint");

        List<SseClient.Message> messages = live.get();

        assertThat(messages).extracting(SseClient.Message::event).containsExactly(TYPE,
                "ledger.partnership.concern-raised.v1");
        assertThat(messages.get(0).id()).as("the checkpoint leaves the last event id as it was").isNull();
        long concern = Long.parseLong(messages.get(1).id());
        assertThat(concern).isGreaterThan(head);
        // a client cut off right after the checkpoint still holds head as its last event id
        List<SseClient.Message> resumed = read("", String.valueOf(head), 1, SseClient.Message::isLogEvent,
                Duration.ofSeconds(15));
        assertThat(resumed).extracting(SseClient.Message::id).containsExactly(String.valueOf(concern));
        // and history holds events only: checkpoints are not replayed
        List<SseClient.Message> all = read("?after=0", null, 5, m -> m.isLogEvent() || m.data().contains(ORIGIN),
                Duration.ofSeconds(5));
        assertThat(all).hasSize(4).allMatch(m -> m.id() != null && m.isLogEvent());
        assertThat(all.get(3).id()).isEqualTo(String.valueOf(concern));
    }

    @Test
    void aWebhookWitnessGetsTheLatestCheckpointThenEveryNewOneSignedAndDurably() throws Exception {
        CheckpointSigned before = sign(TREE_SIZES.incrementAndGet());
        Http integration = ledger.queries("integration");
        Http.Response created = integration.postJson("/api/subscriptions", """
                {"url": "http://127.0.0.1:%d/witness", "types": ["%s"], "secret": "%s"}"""
                .formatted(receivers.getAddress().getPort(), TYPE, SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        integration.await("/api/subscriptions/" + id, r -> r.json().get("delivered").asLong() == 1,
                Duration.ofSeconds(30));

        CheckpointSigned after = sign(TREE_SIZES.incrementAndGet());
        // stored while nobody announced it (say the service stopped right after the commit): still delivered, from the
        // table, with the fingerprint of its key learnt from the earlier announcements
        long unannouncedSize = TREE_SIZES.incrementAndGet();
        CheckpointSigned unannounced = store(unannouncedSize);
        JsonNode subscription = integration.await("/api/subscriptions/" + id,
                r -> r.json().get("delivered").asLong() == 3, Duration.ofSeconds(30)).json();

        assertThat(subscription.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.get("consecutiveFailures").asInt()).isZero();
        assertThat(witnessAttempts.get()).as("the first attempt failed and was retried").isEqualTo(4);
        assertThat(witnessed).hasSize(3);
        String secret = created.json().get("secret").asText();
        for (SignedDelivery delivery : witnessed) {
            assertThat(delivery.ledgerSignature()).isEqualTo("sha256=" + WebhookIT.hmac(delivery.body()));
            assertThat(delivery.verifiesWith(secret)).as("Standard Webhooks signature").isTrue();
            assertThat(delivery.id()).as("webhook-id is the checkpoint's CloudEvent id")
                    .isEqualTo(CLOUD_EVENTS.deserialize(delivery.body().getBytes(StandardCharsets.UTF_8)).getId());
        }
        assertIsTheCheckpoint(witnessed.get(0).body(), before);
        assertIsTheCheckpoint(witnessed.get(1).body(), after);
        assertIsTheCheckpoint(witnessed.get(2).body(), unannounced);
        assertThat(ledger.querySide.getBean(JdbcClient.class)
                .sql("SELECT checkpoint_tree_size FROM query_side.webhook_subscription WHERE subscription_id = ?")
                .param(id).query(Long.class).single()).as("the durable cursor").isEqualTo(unannouncedSize);
    }

    private static void assertIsTheCheckpoint(String json, CheckpointSigned signed) throws Exception {
        CloudEvent event = CLOUD_EVENTS.deserialize(json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(TYPE);
        assertThat(event.getSource().toString()).isEqualTo("/partnership-ledger");
        assertThat(event.getId()).startsWith("checkpoint-" + signed.treeSize() + "-");
        assertThat(event.getSubject()).isEqualTo(ORIGIN);
        assertThat(event.getTime().toInstant()).isEqualTo(signed.signedAt());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema().toString()).endsWith("/api/schemas/" + TYPE);
        assertThat(event.getExtension("position")).isNull();
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("origin").asText()).isEqualTo(ORIGIN);
        assertThat(data.get("treeSize").asLong()).isEqualTo(signed.treeSize());
        assertThat(data.get("rootHash").asText()).isEqualTo(signed.rootHash());
        assertThat(data.get("note").asText()).isEqualTo(signed.note());
        assertThat(Instant.parse(data.get("signedAt").asText())).isEqualTo(signed.signedAt());
        assertThat(data.get("publicKeyFingerprint").asText()).isEqualTo(FINGERPRINT);
    }

    /** Stores a checkpoint and announces it, as the audit log does after the commit. */
    static CheckpointSigned sign(long treeSize) {
        CheckpointSigned signed = store(treeSize);
        ledger.querySide.publishEvent(signed);
        return signed;
    }

    static CheckpointSigned store(long treeSize) {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) treeSize);
        String rootHash = Base64.getEncoder().encodeToString(root);
        byte[] signature = new byte[68];
        signature[0] = 0x51;
        String note = ORIGIN + "\n" + treeSize + "\n" + rootHash + "\n\n\u2014 " + ORIGIN + " "
                + Base64.getEncoder().encodeToString(signature) + "\n";
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ledger.querySide.getBean(JdbcClient.class).sql("""
                        INSERT INTO query_side.audit_checkpoint (tree_size, root_hash, note, signed_at)
                        VALUES (?, ?, ?, ?)""")
                .params(treeSize, root, note, Timestamp.from(signedAt)).update();
        return new CheckpointSigned(ORIGIN, treeSize, rootHash, note, signedAt, FINGERPRINT);
    }

    static void raiseConcern(String subject) {
        Http.Response raised = ledger.commands("manager").postJson("/api/partnerships/" + partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"" + subject + "\", \"description\": \"d\"}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
    }

    static long head() {
        return ledger.querySide.getBean(JdbcClient.class).sql("SELECT max(position) FROM analytics.event_log")
                .query(Long.class).single();
    }

    static List<SseClient.Message> read(String query, String lastEventId, int count,
                                        java.util.function.Predicate<SseClient.Message> keep, Duration timeout)
            throws Exception {
        return SseClient.read(ledger.queryPort(), "integration", "/api/stream" + query, lastEventId, count, timeout,
                keep);
    }

    static CompletableFuture<List<SseClient.Message>> readAsync(String query, String lastEventId, int count,
                                                                java.util.function.Predicate<SseClient.Message> keep) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read(query, lastEventId, count, keep, Duration.ofSeconds(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
