package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.audit.CheckpointSigned;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A signed checkpoint of the audit log as integrations receive it: its CloudEvent, read back from the checkpoint
 * table with the fingerprint the announcement taught, its schema, and where a new webhook subscription starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class CheckpointEnvelopeTest {

    static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    static final String ORIGIN = "ledger.test/audit";
    static final String FINGERPRINT = "SHA256:" + "ab".repeat(32);
    static final WebhookSecret SECRET = WebhookSecret.generate();

    @Autowired
    CloudEventEnvelope envelope;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    WebhookSubscriptions subscriptions;
    @Autowired
    SchemaController schemas;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        // sizes far above any tree this test's (empty) ledger could sign on its own
        jdbc.sql("DELETE FROM query_side.audit_checkpoint WHERE tree_size >= 1000000").update();
        jdbc.sql("DELETE FROM query_side.checkpoint_signing_key").update();
        jdbc.sql("DELETE FROM query_side.webhook_subscription").update();
    }

    @Test
    void aCheckpointIsACloudEventLikeTheOthersWithItsDataAndNoPosition() throws Exception {
        Instant signedAt = Instant.parse("2026-03-01T09:30:00.123456Z");
        String root = root(7);
        CheckpointData checkpoint = new CheckpointData(ORIGIN, 1_000_007, root,
                note(1_000_007, root, new byte[] {1, 2, 3, 4}), signedAt, FINGERPRINT);

        String json = envelope.json(checkpoint);
        CloudEvent event = CLOUD_EVENTS.deserialize(json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("ledger.audit.checkpoint.v1")
                .isEqualTo(CloudEventEnvelope.CHECKPOINT_TYPE);
        assertThat(event.getSource()).isEqualTo(CloudEventEnvelope.SOURCE);
        assertThat(event.getId()).isEqualTo("checkpoint-1000007-0707070707070707");
        assertThat(event.getSubject()).isEqualTo(ORIGIN);
        assertThat(event.getTime().toInstant()).isEqualTo(signedAt);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema().toString()).isEqualTo(envelope.schemaUrl("ledger.audit.checkpoint.v1"))
                .endsWith("/api/schemas/ledger.audit.checkpoint.v1");
        assertThat(event.getExtensionNames()).doesNotContain("position", "sequence", "partnershipid");
        JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
        assertThat(data.get("origin").asText()).isEqualTo(ORIGIN);
        assertThat(data.get("treeSize").asLong()).isEqualTo(1_000_007);
        assertThat(data.get("rootHash").asText()).isEqualTo(root);
        assertThat(data.get("note").asText()).isEqualTo(checkpoint.note());
        assertThat(data.get("signedAt").asText()).isEqualTo("2026-03-01T09:30:00.123456Z");
        assertThat(data.get("publicKeyFingerprint").asText()).isEqualTo(FINGERPRINT);
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void theSameRootSignedTwiceIsOneIdButAnotherRootForTheSameSizeIsAnother() {
        Instant at = Instant.now();
        CheckpointData one = new CheckpointData(ORIGIN, 1_000_001, root(1), "n", at, null);
        assertThat(CloudEventEnvelope.checkpointId(one))
                .isEqualTo(CloudEventEnvelope.checkpointId(new CheckpointData(ORIGIN, 1_000_001, root(1), "n", at,
                        FINGERPRINT)))
                .isNotEqualTo(CloudEventEnvelope.checkpointId(new CheckpointData(ORIGIN, 1_000_001, root(2), "n", at,
                        FINGERPRINT)));
    }

    @Test
    void aStoredCheckpointIsReadBackWithTheFingerprintItsAnnouncementTaught() {
        String root = root(3);
        String note = note(1_000_003, root, new byte[] {9, 8, 7, 6});
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        insert(1_000_003, root, note, signedAt);

        assertThat(checkpoints.after(999_999, 10)).as("held back until its key is announced").isEmpty();

        events.publishEvent(new CheckpointSigned(ORIGIN, 1_000_003, root, note, signedAt, FINGERPRINT));

        CheckpointData stored = new CheckpointData(ORIGIN, 1_000_003, root, note, signedAt, FINGERPRINT);
        assertThat(checkpoints.after(999_999, 10)).containsExactly(stored);
        assertThat(checkpoints.of(new CheckpointSigned(ORIGIN, 1_000_003, root, note, signedAt, FINGERPRINT)))
                .as("the stream sends what webhooks send").isEqualTo(stored);
        assertThat(checkpoints.latestTreeSize()).isGreaterThanOrEqualTo(1_000_003);

        checkpoints.save();
        Checkpoints afterARestart = new Checkpoints(jdbc);
        assertThat(afterARestart.after(999_999, 10)).containsExactly(stored);
    }

    @Test
    void aStoredCheckpointWhoseKeyWasNeverAnnouncedGoesWithoutAFingerprintOnceTheGraceIsOver() {
        String root = root(4);
        String note = note(1_000_004, root, new byte[] {4, 4, 4, 4});
        Instant longAgo = Instant.now().minus(Checkpoints.ANNOUNCEMENT_GRACE).minus(Duration.ofSeconds(5))
                .truncatedTo(ChronoUnit.MICROS);
        insert(1_000_004, root, note, longAgo);

        assertThat(checkpoints.after(999_999, 10))
                .containsExactly(new CheckpointData(ORIGIN, 1_000_004, root, note, longAgo, null));
        assertThat(envelope.json(checkpoints.after(999_999, 10).get(0))).doesNotContain("publicKeyFingerprint");
    }

    @Test
    void theKeyOfANoteIsItsSignatureLinesNameAndKeyId() {
        String note = note(5, root(5), new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef})
                + "\u2014 witness.example " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        assertThat(Checkpoints.keyHints(note)).containsExactly(ORIGIN + "+deadbeef", "witness.example+00000000");
        assertThat(Checkpoints.keyHints("no signature\n")).isEmpty();
        assertThat(Checkpoints.originOf(note)).isEqualTo(ORIGIN);
    }

    @Test
    void aNewSubscriptionStartsWithTheLatestCheckpointAndTakesItIfItsTypesDo() {
        insert(1_000_010, root(10), note(1_000_010, root(10), new byte[4]), Instant.now());
        insert(1_000_020, root(20), note(1_000_020, root(20), new byte[4]), Instant.now());
        subscriptions.create("s-all", "integration", "http://127.0.0.1:9/x", List.of("ledger.*"), null,
                SECRET, Long.MAX_VALUE);
        subscriptions.create("s-exact", "integration", "http://127.0.0.1:9/x",
                List.of("ledger.audit.checkpoint.v1"), "p-1", SECRET, Long.MAX_VALUE);
        subscriptions.create("s-partnerships", "integration", "http://127.0.0.1:9/x",
                List.of("ledger.partnership.*"), null, SECRET, Long.MAX_VALUE);
        subscriptions.create("s-one-partnership", "integration", "http://127.0.0.1:9/x", List.of("ledger.*"), "p-1",
                SECRET, Long.MAX_VALUE);

        Map<String, WebhookSubscriptions.Due> due = subscriptions.due().stream()
                .collect(java.util.stream.Collectors.toMap(WebhookSubscriptions.Due::subscriptionId, d -> d));

        assertThat(due.get("s-all").checkpointTreeSize()).isEqualTo(1_000_019);
        assertThat(due.get("s-all").wantsCheckpoints()).isTrue();
        assertThat(due.get("s-exact").wantsCheckpoints()).as("named, even with a partnership").isTrue();
        assertThat(due.get("s-partnerships").wantsCheckpoints()).isFalse();
        assertThat(due.get("s-one-partnership").wantsCheckpoints()).isFalse();
    }

    @Test
    void theTypeIsListedWithItsSchema() {
        assertThat(schemas.list().types()).contains(new SchemaController.EventTypeLine("ledger.audit.checkpoint.v1",
                "CheckpointSigned", "1", envelope.schemaUrl("ledger.audit.checkpoint.v1")));
        Map<String, Object> schema = schemas.schema("ledger.audit.checkpoint.v1");
        assertThat(schema).containsEntry("$id", envelope.schemaUrl("ledger.audit.checkpoint.v1"))
                .containsEntry("title", "CheckpointSigned");
        assertThat(List.copyOf(((Map<?, ?>) schema.get("properties")).keySet())).isEqualTo(List.of("origin",
                "treeSize", "rootHash", "note", "signedAt", "publicKeyFingerprint"));
        assertThat(schema.get("required")).isEqualTo(List.of("origin", "treeSize", "rootHash", "note", "signedAt"));
    }

    private void insert(long treeSize, String root, String note, Instant signedAt) {
        jdbc.sql("INSERT INTO query_side.audit_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)")
                .params(treeSize, Base64.getDecoder().decode(root), note, Timestamp.from(signedAt)).update();
    }

    static String root(int fill) {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) fill);
        return Base64.getEncoder().encodeToString(root);
    }

    /** A signed note's shape (docs/audit.md §3) with a made-up signature: nothing here verifies it. */
    static String note(long treeSize, String root, byte[] keyId) {
        byte[] signature = new byte[68];
        System.arraycopy(keyId, 0, signature, 0, 4);
        return ORIGIN + "\n" + treeSize + "\n" + root + "\n\n\u2014 " + ORIGIN + " "
                + Base64.getEncoder().encodeToString(signature) + "\n";
    }
}
