package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnershipledger.audit.merkle.MerkleProofs;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteSigner;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPackJson;
import org.partnershipledger.audit.pack.PackVerifier;
import org.partnershipledger.audit.pack.VerificationResult;
import org.partnershipledger.platform.testing.Http;

/**
 * Proving the record (issue 16) on a running ledger: every event becomes a leaf, checkpoints are signed and served
 * with proofs, an audit pack verifies offline with the public key and with nothing else, and each way of tampering
 * with the event store by SQL is caught both by the store verifier and by a pack made afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

    static LedgerRunner ledger;
    static PartnershipLife life;
    static NoteVerifier key;

    @BeforeAll
    static void start() throws Exception {
        ledger = new LedgerRunner().start("ledger.audit.checkpoint-interval=1s");
        life = new PartnershipLife(ledger.commands("manager")).live();
        ConsistencyIT.caughtUp(ledger);
        key = NoteVerifier.fromVerifierKey(Http.localhost(ledger.queryPort())
                .get("/api/audit/public-key", "Accept", "text/plain").raw().body().trim());
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    @Order(1)
    void everyEventIsLoggedAndACheckpointSignedWithinSecondsWithAKeyAnyoneCanFetch() throws Exception {
        long events = storeCount();
        JsonNode checkpoint = awaitCheckpoint(events);
        Checkpoint opened = Checkpoint.open(checkpoint.get("note").asText(), key);
        assertThat(opened.size()).isEqualTo(events);
        assertThat(Base64.getEncoder().encodeToString(opened.rootHash())).isEqualTo(checkpoint.get("rootHash").asText());

        JsonNode publicKey = Http.localhost(ledger.queryPort()).get("/api/audit/public-key").json();
        assertThat(publicKey.get("verifierKey").asText()).isEqualTo(key.verifierKey());
        assertThat(publicKey.get("fingerprint").asText()).isEqualTo(key.fingerprint()).startsWith("SHA256:");
        assertThat(ledger.queries("partner").get("/api/audit/checkpoints").json().get("checkpoints").size())
                .isPositive();
        assertThat(Http.localhost(ledger.queryPort()).get("/api/audit/checkpoints").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void eachEventHasAnInclusionProofAndTheLogOnlyGrows() throws Exception {
        Http board = ledger.queries("board");
        JsonNode first = awaitCheckpoint(storeCount());
        long older = first.get("treeSize").asLong();
        for (long position : positions()) {
            JsonNode proof = board.get("/api/audit/proofs/inclusion?position=" + position).json();
            assertThat(MerkleProofs.verifyInclusion(decode(proof.get("leafHash").asText()),
                    proof.get("logIndex").asLong(), older, hashes(proof.get("proof")), decode(first.get("rootHash").asText())))
                    .as("position %d: %s", position, proof).isTrue();
        }
        ledger.commands("manager").postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Rooms\", \"description\": \"Too small\"}");
        JsonNode newer = awaitCheckpoint(older + 1);
        JsonNode consistency = board.get("/api/audit/proofs/consistency?from=" + older).json();
        assertThat(consistency.get("to").asLong()).isEqualTo(newer.get("treeSize").asLong());
        assertThat(MerkleProofs.verifyConsistency(older, consistency.get("to").asLong(),
                decode(first.get("rootHash").asText()), decode(newer.get("rootHash").asText()),
                hashes(consistency.get("proof")))).isTrue();

        Http.Response tooBig = board.get("/api/audit/proofs/consistency?from=" + (older + 1000));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("code").asText()).isEqualTo("AUDIT_TREE_SIZE");
        Http.Response unknown = board.get("/api/audit/proofs/inclusion?position=999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("AUDIT_NOT_LOGGED");
    }

    @Test
    @Order(3)
    void aPackVerifiesOfflineWithTheKeyAndFailsWithAnotherKeyOrOneReasonEdited() throws Exception {
        String keptCheckpoint = ledger.queries("board").get("/api/audit/checkpoints/latest", "Accept", "text/plain")
                .raw().body();
        long keptSize = Checkpoint.open(keptCheckpoint, key).size();
        ledger.commands("manager").postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Catering\", \"description\": \"Cold\"}");
        awaitCheckpoint(keptSize + 1);

        String json = pack("?since=" + keptSize);
        AuditPack pack = AuditPackJson.read(json);
        VerificationResult valid = new PackVerifier(key).verify(pack, Optional.of(keptCheckpoint));
        assertThat(valid.valid()).as(String.valueOf(valid.failure())).isTrue();
        assertThat(pack.events()).hasSizeGreaterThan(20)
                .extracting(e -> e.entry().aggregateId()).contains(life.partnershipId, life.programId);
        assertThat(pack.aggregates()).hasSize(2);

        NoteVerifier stranger = NoteSigner.generate(Checkpoint.open(pack.checkpoint(), key).origin(),
                new SecureRandom()).verifier();
        assertThat(new PackVerifier(stranger).verify(pack).valid()).isFalse();

        String edited = json.replaceFirst("\"value\" : \"Best fit on expertise\"", "\"value\" : \"Cheapest offer\"");
        assertThat(edited).isNotEqualTo(json);
        VerificationResult tampered = new PackVerifier(key).verify(AuditPackJson.read(edited));
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.failure().orElseThrow()).contains("changed or moved since it was logged");

        assertThat(ledger.queries("partner").get("/api/partnerships/" + life.partnershipId + "/audit-pack")
                .status()).isEqualTo(403);
        assertThat(ledger.queries("analyst").get("/api/partnerships/" + life.partnershipId + "/audit-pack")
                .status()).isEqualTo(200);
        Http.Response missing = ledger.queries("board").get("/api/partnerships/nope/audit-pack");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("PARTNERSHIP_NOT_FOUND");
    }

    @Test
    @Order(4)
    void theUntouchedStoreVerifies() throws Exception {
        JsonNode run = verifyStore();
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("VALID");
        assertThat(run.get("checkpointsChecked").asLong()).isPositive();
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
    }

    @Test
    @Order(4)
    void theCommandLineDownloadsAPackAndVerifiesItOfflineAndTheStore() throws Exception {
        Path directory = Files.createTempDirectory("audit-pack");
        Path pack = directory.resolve("pack.json");
        Path keyFile = directory.resolve("ledger.pub");
        Files.writeString(keyFile, key.verifierKey() + "\n");
        String url = "http://localhost:" + ledger.queryPort();

        ConsistencyIT.Cli downloaded = ConsistencyIT.cli("audit-pack", life.partnershipId, "--out", pack.toString(),
                "--url", url);
        assertThat(downloaded.exit()).as(downloaded.output()).isZero();
        ConsistencyIT.Cli valid = ConsistencyIT.cli("verify", pack.toString(), "--key", keyFile.toString());
        assertThat(valid.exit()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("VALID", key.fingerprint());

        Path edited = directory.resolve("edited.json");
        Files.writeString(edited, Files.readString(pack)
                .replaceFirst("\"value\" : \"Best fit on expertise\"", "\"value\" : \"Cheapest offer\""));
        ConsistencyIT.Cli tampered = ConsistencyIT.cli("verify", edited.toString(), "--key", keyFile.toString());
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("INVALID", "changed or moved since it was logged");

        ConsistencyIT.Cli store = ConsistencyIT.cli("verify", "--store", "--url", url);
        assertThat(store.exit()).as(store.output()).isZero();
        ConsistencyIT.Cli noKey = ConsistencyIT.cli("verify", pack.toString());
        assertThat(noKey.exit()).as(noKey.output()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aChangedReasonIsFoundByTheStoreVerifierAndFailsAPack() throws Exception {
        long position = positionOf(life.partnershipId, "PartnerSelected");
        byte[] metadata = column(position, "meta_data");
        sql("UPDATE event_store.domain_event_entry SET meta_data = ? WHERE global_index = ?",
                new String(metadata, StandardCharsets.UTF_8).replace("Best fit on expertise", "Cheapest offer")
                        .getBytes(StandardCharsets.UTF_8), position);
        try {
            assertTampered("CHANGED", position);
            ConsistencyIT.Cli store = ConsistencyIT.cli("verify", "--store", "--url",
                    "http://localhost:" + ledger.queryPort());
            assertThat(store.exit()).as(store.output()).isEqualTo(1);
            assertThat(store.output()).contains("CHANGED", String.valueOf(position));
        } finally {
            sql("UPDATE event_store.domain_event_entry SET meta_data = ? WHERE global_index = ?", metadata, position);
        }
    }

    @Test
    @Order(6)
    void aChangedPayloadIsFound() throws Exception {
        long position = positionOf(life.programId, "ImpactRecorded");
        byte[] payload = column(position, "payload");
        sql("UPDATE event_store.domain_event_entry SET payload = ? WHERE global_index = ?",
                new String(payload, StandardCharsets.UTF_8).replace("104", "88").getBytes(StandardCharsets.UTF_8),
                position);
        try {
            assertTampered("CHANGED", position);
        } finally {
            sql("UPDATE event_store.domain_event_entry SET payload = ? WHERE global_index = ?", payload, position);
        }
    }

    @Test
    @Order(7)
    void anEventDeletedInTheMiddleIsFound() throws Exception {
        long position = positionOf(life.programId, "CurriculumPivoted");
        try (Restorer restore = new Restorer(position)) {
            sql("DELETE FROM event_store.domain_event_entry WHERE global_index = ?", position);
            assertTampered("MISSING", position);
        }
    }

    @Test
    @Order(8)
    void theLastEventsOfAnAggregateDeletedAreFound() throws Exception {
        List<Long> lastTwo = aggregatePositions(life.programId).subList(aggregatePositions(life.programId).size() - 2,
                aggregatePositions(life.programId).size());
        try (Restorer first = new Restorer(lastTwo.get(0)); Restorer second = new Restorer(lastTwo.get(1))) {
            sql("DELETE FROM event_store.domain_event_entry WHERE global_index >= ? AND aggregate_identifier = ?",
                    lastTwo.get(0), life.programId);
            String failure = assertTampered("MISSING", lastTwo.get(0));
            assertThat(failure).contains("events were deleted from the store or left out");
        }
    }

    @Test
    @Order(9)
    void twoEventsSwappedAreFound() throws Exception {
        List<Long> positions = aggregatePositions(life.programId);
        long a = positions.get(3);
        long b = positions.get(4);
        try (Restorer first = new Restorer(a); Restorer second = new Restorer(b)) {
            // the two decisions change places: each row now holds the other's payload, type, time and metadata
            sql("""
                    UPDATE event_store.domain_event_entry e SET payload = o.payload, payload_type = o.payload_type,
                        time_stamp = o.time_stamp, meta_data = o.meta_data
                    FROM event_store.domain_event_entry o
                    WHERE (e.global_index, o.global_index) IN ((?, ?), (?, ?))""", a, b, b, a);
            assertTampered("CHANGED", a);
        }
        JsonNode run = verifyStore();
        assertThat(run.get("state").asText()).as("restored: %s", run).isEqualTo("VALID");
    }

    @Test
    @Order(12)
    void aForgedBackDatedDecisionIsFound() throws Exception {
        List<Long> positions = aggregatePositions(life.partnershipId);
        long last = positions.get(positions.size() - 1);
        long first = positions.get(0);
        // a copy of the partnership's latest event, as its next one, dated the day before its first
        String dated = java.time.Instant.parse(text(first, "time_stamp"))
                .minus(Duration.ofDays(1)).toString();
        sql("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT 'forged-1', aggregate_identifier, sequence_number + 1, type, ?, payload_type, payload_revision,
                    payload, meta_data
                FROM event_store.domain_event_entry WHERE global_index = ?""", dated, last);
        long forged = positionOfEvent("forged-1");
        ConsistencyIT.caughtUp(ledger);
        assertTampered("BACKDATED", forged);
    }

    @Test
    @Order(10)
    void concurrentWritersLoseNoLeafAndTheStoreStillVerifies() throws Exception {
        int writers = 8;
        int each = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                Http manager = ledger.commands("manager");
                int accepted = 0;
                for (int i = 0; i < each; i++) {
                    Http.Response opened = manager.postJson("/api/partnerships", """
                            {"name": "Academy %d-%d", "client": "Acme", "vision": "v", "kpis": [],
                             "reason": "load"}""".formatted(writer, i));
                    accepted += opened.status() == 201 ? 1 : 0;
                }
                return accepted;
            }));
        }
        int accepted = 0;
        for (java.util.concurrent.Future<Integer> writer : done) {
            accepted += writer.get();
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(writers * each);
        long events = storeCount();
        awaitCheckpoint(events);
        assertThat(queryLong("SELECT count(*) FROM query_side.audit_leaf")).isEqualTo(events);
        assertThat(queryLong("SELECT count(DISTINCT global_index) FROM query_side.audit_leaf")).isEqualTo(events);
        JsonNode run = verifyStore();
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("VALID");
    }

    @Test
    @Order(11)
    void aRestartKeepsTheKeyAndTheLogAndACheckpointKeptFromBeforeStillProvesConsistency() throws Exception {
        String before = ledger.queries("board").get("/api/audit/checkpoints/latest", "Accept", "text/plain").raw()
                .body();
        long size = Checkpoint.open(before, key).size();
        ledger.querySide.close();
        ledger.startQuerySide("ledger.audit.checkpoint-interval=1s");
        assertThat(Http.localhost(ledger.queryPort()).get("/api/audit/public-key").json().get("fingerprint")
                .asText()).isEqualTo(key.fingerprint());
        ledger.commands("manager").postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Parking\", \"description\": \"None left\"}");
        awaitCheckpoint(size + 1);
        AuditPack pack = AuditPackJson.read(pack("?since=" + size));
        VerificationResult result = new PackVerifier(key).verify(pack, Optional.of(before));
        assertThat(result.valid()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.verified()).anySatisfy(line -> assertThat(line).contains("the log only grew")
                .contains(String.valueOf(size)));
    }

    /** The store verifier names the kind and the first bad position; a pack made now fails offline. */
    private static String assertTampered(String kind, long position) throws Exception {
        JsonNode run = verifyStore();
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("TAMPERED");
        assertThat(run.get("finding").get("kind").asText()).as(run.toString()).isEqualTo(kind);
        assertThat(run.get("finding").get("position").asLong()).as(run.toString()).isEqualTo(position);
        VerificationResult offline = new PackVerifier(key).verify(AuditPackJson.read(pack("")));
        assertThat(offline.valid()).as("a pack made after the tampering must fail").isFalse();
        return offline.failure().orElseThrow();
    }

    static JsonNode verifyStore() {
        Http admin = ledger.queries("admin");
        Http.Response started = admin.postJson("/api/admin/audit/verifications", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asText();
        return admin.await("/api/admin/audit/verifications/" + id,
                r -> r.status() == 200 && !r.json().get("state").asText().equals("RUNNING"), Duration.ofSeconds(60))
                .json();
    }

    static String pack(String query) {
        Http.Response response = ledger.queries("board")
                .get("/api/partnerships/" + life.partnershipId + "/audit-pack" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("attachment");
        return response.raw().body();
    }

    static JsonNode awaitCheckpoint(long atLeast) {
        return ledger.queries("board").await("/api/audit/checkpoints/latest",
                r -> r.status() == 200 && r.json().get("treeSize").asLong() >= atLeast, Duration.ofSeconds(30)).json();
    }

    /** Puts a row back as it was, at its own position, when the test is done with it. */
    private static final class Restorer implements AutoCloseable {
        private final long position;
        private final Object[] row;

        Restorer(long position) throws Exception {
            this.position = position;
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                        payload_revision, payload, meta_data FROM event_store.domain_event_entry WHERE global_index = ?""")) {
                s.setLong(1, position);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    row = new Object[9];
                    for (int i = 0; i < 9; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            sql("DELETE FROM event_store.domain_event_entry WHERE global_index = ?", position);
            List<Object> values = new ArrayList<>(List.of(position));
            values.addAll(List.of(row));
            sql("""
                    INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values.toArray());
        }
    }

    private static long storeCount() throws Exception {
        return queryLong("SELECT count(*) FROM event_store.domain_event_entry");
    }

    private static List<Long> positions() throws Exception {
        return longs("SELECT global_index FROM event_store.domain_event_entry ORDER BY global_index");
    }

    private static List<Long> aggregatePositions(String aggregateId) throws Exception {
        return longs("SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", aggregateId);
    }

    private static long positionOf(String aggregateId, String type) throws Exception {
        return longs("SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ? ORDER BY global_index", aggregateId, "%." + type).get(0);
    }

    private static long positionOfEvent(String eventId) throws Exception {
        return longs("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = ?", eventId)
                .get(0);
    }

    private static byte[] column(long position, String column) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM event_store.domain_event_entry WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static String text(long position, String column) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM event_store.domain_event_entry WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long queryLong(String query, Object... params) throws Exception {
        return longs(query, params).get(0);
    }

    private static List<Long> longs(String query, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values;
        }
    }

    static void sql(String statement, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(ledger.database, "postgres", "");
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(decode(h.asText())));
        return hashes;
    }
}
