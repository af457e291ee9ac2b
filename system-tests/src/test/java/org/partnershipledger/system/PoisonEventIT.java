package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * A projection cannot handle one event: impact-facts cannot store an impact whose unit is longer than its column
 * (an event written by an older, laxer version). That event is parked with the later events of its program, in
 * order, and everything else carries on: the batch it came in, the other programs, every other read model.
 */
class PoisonEventIT {

    @Test
    void anEventAProjectionCannotHandleIsParkedWithItsSequenceAndEverythingElseCarriesOn() throws Exception {
        try (LedgerRunner ledger = new LedgerRunner().start()) {
            Http manager = ledger.commands("manager");
            PartnershipLife life = new PartnershipLife(manager).live();
            List<String> others = FaultKit.approvedPrograms(manager, life.partnershipId, 2);
            ConsistencyIT.caughtUp(ledger);

            String poison = appendImpact(ledger.database, life.programId, "u".repeat(150), "poisoned-impact");
            String after = appendImpact(ledger.database, life.programId, "days", "impact-after-the-poison");
            List<String> recordedElsewhere = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Http.Response recorded = manager.postJson("/api/programs/" + others.get(i % 2) + "/impact", """
                        {"level": 2, "kpiId": "ttq", "value": %d, "unit": "points", "periodStart": "2026-07-01",
                         "periodEnd": "2026-07-31", "source": "SURVEY"}""".formatted(i));
                assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
                recordedElsewhere.add(recorded.json().get("impactId").asText());
            }

            Http admin = ledger.queries("admin");
            JsonNode letters = admin.await("/api/admin/dead-letters?processor=impact-facts",
                    r -> r.status() == 200 && r.json().findValues("eventId").size() == 2, Duration.ofSeconds(60)).json();
            assertThat(letters.findValuesAsText("eventId")).containsExactly(poison, after);
            assertThat(letters.findValuesAsText("causeMessage").get(0)).contains("too long");
            ConsistencyIT.caughtUp(ledger);
            JsonNode processors = admin.get("/api/admin/processors").json();
            assertThat(processors.get("processors").findValuesAsText("state")).allMatch("RUNNING"::equals);

            assertThat(FaultKit.longs(ledger.database, "SELECT count(*) FROM analytics.impact_fact WHERE impact_id IN ('"
                    + String.join("','", recordedElsewhere) + "')")).containsExactly(20L);
            JsonNode report = admin.get("/api/admin/consistency").json();
            assertThat(report.get("differences").findValuesAsText("readModel")).containsOnly("impact-facts");
            assertThat(report.get("differences").findValuesAsText("aggregate")).containsOnly(life.programId);
            assertThat(report.get("differenceCount").asLong()).isEqualTo(2);
            JsonNode board = ledger.queries("board").get("/api/partnerships/" + life.partnershipId + "/history").json();
            assertThat(board.toString()).contains("poisoned-impact", "impact-after-the-poison");
            System.out.printf("Fault suite, poison event: 2 letters parked for one program, %d impacts of other "
                    + "programs recorded, every processor RUNNING%n", recordedElsewhere.size());
        }
    }

    /** Appends an impact to the program straight into the store, as an older version wrote it; its event id. */
    static String appendImpact(String database, String programId, String unit, String impactId) throws Exception {
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                         type, time_stamp, payload_type, payload_revision, payload, meta_data)
                     SELECT gen_random_uuid()::text, aggregate_identifier,
                            (SELECT max(sequence_number) + 1 FROM event_store.domain_event_entry
                              WHERE aggregate_identifier = ?), type, time_stamp, payload_type, payload_revision,
                            convert_to(jsonb_set(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{unit}', to_jsonb(?::text)),
                                '{impactId}', to_jsonb(?::text))::text, 'UTF8'), meta_data
                       FROM event_store.domain_event_entry
                      WHERE aggregate_identifier = ? AND payload_type LIKE '%.ImpactRecorded'
                      ORDER BY sequence_number DESC LIMIT 1
                     RETURNING event_identifier""")) {
            insert.setString(1, programId);
            insert.setString(2, unit);
            insert.setString(3, impactId);
            insert.setString(4, programId);
            var rs = insert.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }
}
