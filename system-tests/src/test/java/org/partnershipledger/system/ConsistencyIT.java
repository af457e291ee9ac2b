package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/** {@code ledger check} and the endpoint behind it: a complete ledger says so, and each kind of damage is named. */
class ConsistencyIT {

    static LedgerRunner ledger;
    static PartnershipLife life;

    @BeforeAll
    static void start() throws Exception {
        ledger = new LedgerRunner().start();
        life = new PartnershipLife(ledger.commands("manager")).live();
        caughtUp(ledger);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** Waits until every processor is at the head. */
    static void caughtUp(LedgerRunner ledger) {
        ledger.queries("admin").await("/api/admin/processors",
                r -> r.status() == 200 && r.json().get("processors").findValuesAsText("caughtUp").stream()
                        .allMatch("true"::equals), Duration.ofSeconds(60));
    }

    @Test
    void aCompleteLedgerIsConsistentAndEveryDamageIsReportedWithReadModelAggregateAndPosition() throws Exception {
        Http admin = ledger.queries("admin");
        JsonNode report = admin.get("/api/admin/consistency").json();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("differenceCount").asLong()).isZero();
        long head = report.get("headPosition").asLong();
        JsonNode eventLog = readModel(report, "event-log");
        assertThat(eventLog.get("checked").asLong()).isEqualTo(head);
        assertThat(readModel(report, "board-views").get("checked").asLong()).isEqualTo(2);
        assertThat(readModel(report, "impact-facts").get("checked").asLong()).isEqualTo(3);
        assertThat(report.get("eventsByType")).isEqualTo(report.get("loggedByType"));
        assertThat(report.get("eventsByType").get("ImpactRecorded").asLong()).isEqualTo(3);
        assertThat(report.get("readModels").findValuesAsText("digest")).hasSize(7).allMatch(d -> d.length() == 32);
        Cli consistent = cli("check", "--url", "http://localhost:" + ledger.queryPort());
        assertThat(consistent.exit()).as(consistent.output()).isZero();
        assertThat(consistent.output()).contains("Consistent", "event-log", "100.0%");

        long lost = damage();
        JsonNode damaged = admin.get("/api/admin/consistency").json();
        assertThat(damaged.get("consistent").asBoolean()).isFalse();
        List<String> differences = new ArrayList<>();
        damaged.get("differences").forEach(d -> differences.add(d.get("readModel").asText() + " "
                + d.get("aggregate").asText() + " " + d.get("position").asText() + " " + d.get("problem").asText()));
        assertThat(differences).hasSize(3).anySatisfy(d -> assertThat(d)
                        .startsWith("event-log " + life.programId + " " + lost + " missing: "))
                .anySatisfy(d -> assertThat(d).startsWith("board-views " + life.partnershipId + " null view at #"))
                .anySatisfy(d -> assertThat(d).startsWith("impact-facts " + life.programId).contains("no fact for impact"));
        assertThat(readModel(damaged, "board-views").get("digest"))
                .isNotEqualTo(readModel(report, "board-views").get("digest"));

        Cli different = cli("check", "--no-digests", "--url", "http://localhost:" + ledger.queryPort());
        assertThat(different.exit()).as(different.output()).isEqualTo(1);
        assertThat(different.output()).contains("DIFFERENT  event-log  " + life.programId + "  position " + lost,
                "3 difference(s) found.");
        assertThat(ledger.queries("board").get("/api/admin/consistency").status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/consistency?wait=-1").json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    static JsonNode readModel(JsonNode report, String name) {
        for (JsonNode model : report.get("readModels")) {
            if (model.get("name").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no read model " + name + " in " + report);
    }

    /** Loses one event from the log, sets a view back and loses an impact fact; answers the lost position. */
    private long damage() throws Exception {
        try (Connection db = DriverManager.getConnection(ledger.database, "postgres", "");
             Statement sql = db.createStatement()) {
            var rs = sql.executeQuery("SELECT max(position) FROM analytics.event_log WHERE aggregate_id = '"
                    + life.programId + "' AND type = 'CurriculumPivoted'");
            rs.next();
            long lost = rs.getLong(1);
            sql.executeUpdate("DELETE FROM analytics.event_log WHERE position = " + lost);
            sql.executeUpdate("UPDATE query_side.partnership_view SET version = version - 1 WHERE partnership_id = '"
                    + life.partnershipId + "'");
            sql.executeUpdate("DELETE FROM analytics.impact_fact WHERE impact_id = (SELECT min(impact_id) FROM "
                    + "analytics.impact_fact WHERE program_id = '" + life.programId + "')");
            return lost;
        }
    }

    record Cli(int exit, String output) {
    }

    static Cli cli(String... args) throws Exception {
        Path output = Files.createTempFile("ledger-cli", ".out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", LauncherIT.HOME.resolve("ledger-cli/target/ledger.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Cli(process.exitValue(), Files.readString(output));
    }
}
