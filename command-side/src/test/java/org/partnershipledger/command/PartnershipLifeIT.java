package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/** A whole partnership life through the command API, every endpoint once, then the end that stops everything. */
class PartnershipLifeIT extends CommandSideIT {

    @Test
    void everyCommandOfAPartnershipsLifeIsAcceptedInTurnAndTheEndStopsAll() throws InterruptedException {
        String p = openPartnership();
        String partnerId = created(http.postJson("/api/partnerships/" + p + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme Learning\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        for (String criterion : List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
            ok(http.postJson("/api/partnerships/" + p + "/candidates/" + partnerId + "/due-diligence",
                    """
                    {"criterion": "%s", "score": 4,
                     "evidence": [{"type": "DOCUMENT", "ref": "https://dms.example/dd/references.pdf"}]}"""
                            .formatted(criterion)));
        }
        ok(http.postJson("/api/partnerships/" + p + "/candidates/" + partnerId + "/selection",
                "{\"reason\": \"Best fit\"}"));
        ok(http.postJson("/api/partnerships/" + p + "/onboarding", ""));
        ok(http.postJson("/api/partnerships/" + p + "/onboarding/completion", "{\"summary\": \"Trainers certified\"}"));
        ok(http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        ok(http.postJson("/api/partnerships/" + p + "/business-reviews", """
                {"period": "2026-Q3", "attendees": ["CLO"], "decisions": ["Add AI module"],
                 "actions": [{"description": "Draft it", "ownerSide": "PARTNER", "owner": "Ana", "dueDate": "2026-10-31"}]}"""));
        ok(http.putJson("/api/partnerships/" + p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "Sales pays most",
                 "shares": [{"businessUnit": "Sales", "percent": 60}, {"businessUnit": "L&D", "percent": 40}]}"""));
        ok(http.putJson("/api/partnerships/" + p + "/strategy", """
                {"vision": "Reps productive in 60 days", "reason": "Market moved",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 60}]}"""));
        String concern = created(http.postJson("/api/partnerships/" + p + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late materials\", \"description\": \"Two weeks late\"}"),
                "concernId");
        ok(http.postJson("/api/partnerships/" + p + "/concerns/" + concern + "/resolution",
                "{\"resolution\": \"Delivered\"}"));

        String program = proposeProgram(p);
        String module = created(http.postJson("/api/programs/" + program + "/modules",
                "{\"title\": \"Role plays\", \"clientSmes\": [\"Top seller\"], \"partnerDesigners\": [\"Designer\"]}"),
                "moduleId");
        ok(http.postJson("/api/programs/" + program + "/approval", "{\"approvedBy\": \"Head of Sales\"}"));
        created(http.postJson("/api/programs/" + program + "/localizations",
                "{\"region\": \"LATAM\", \"language\": \"es\", \"timeZone\": \"America/Mexico_City\", \"adaptations\": [\"Local cases\"]}"),
                "localizationId");
        String cohort = created(http.postJson("/api/programs/" + program + "/cohorts",
                "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}"), "cohortId");
        ok(http.postJson("/api/programs/" + program + "/cohorts/" + cohort + "/delivery",
                "{\"deliveredOn\": \"2026-09-30\", \"participantsCompleted\": 18, \"facilitator\": \"Ana\"}"));
        String impact = created(http.postJson("/api/programs/" + program + "/impact", """
                {"level": 4, "kpiId": "ttq", "value": 104, "unit": "days", "cohortId": "%s",
                 "periodStart": "2026-07-01", "periodEnd": "2026-09-30", "source": "BI", "evidence": ["bi://ttq"]}"""
                .formatted(cohort)), "impactId");
        ok(http.postJson("/api/programs/" + program + "/pivots", """
                {"reason": "Time to quota stalled", "trigger": "KPI_GAP", "addModules": ["Selling with AI"],
                 "removeModules": ["%s"], "approvedBy": "Head of Sales"}""".formatted(module)));
        ok(http.postJson("/api/programs/" + program + "/impact/" + impact + "/withdrawal",
                "{\"reason\": \"Wrong BI extract\"}"));
        ok(http.postJson("/api/programs/" + program + "/retirement", "{\"reason\": \"Replaced\"}"));
        Http.Response ended = http.postJson("/api/partnerships/" + p + "/end", "{\"reason\": \"Goals met\"}");
        ok(ended);
        assertThat(ended.json().get("version").asLong()).isEqualTo(eventsOf(p) - 1);

        long before = eventCount();
        Http.Response afterEnd = http.postJson("/api/partnerships/" + p + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"s\", \"description\": \"d\"}");
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.json().get("code").asText()).isEqualTo("PARTNERSHIP_ENDED");
        Http.Response programAfterEnd = http.postJson("/api/programs/" + program + "/impact/" + impact + "/withdrawal",
                "{\"reason\": \"again\"}");
        assertThat(programAfterEnd.json().get("code").asText()).isEqualTo("PARTNERSHIP_ENDED");
        Http.Response newProgram = http.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "T", "kpiTargets": ["ttq"], "reason": "R"}""".formatted(p));
        assertThat(newProgram.json().get("code").asText()).isEqualTo("PARTNERSHIP_ENDED");
        assertThat(eventCount()).isEqualTo(before);
        // snapshots are taken on a background thread after the commit
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (snapshots() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(snapshots()).as("long-lived aggregates are snapshotted (threshold 5 here)").isPositive();
    }

    private long snapshots() {
        return jdbc.sql("SELECT count(*) FROM event_store.snapshot_event_entry").query(Long.class).single();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        long version = response.json().get("version").asLong();
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(response.raw().body()).as("the wire format").isEqualTo("{\"version\":" + version + "}");
    }

    private static String created(Http.Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get(idField).asText();
        assertThat(response.header("Location")).endsWith("/" + id);
        assertThat(response.raw().body()).as("the wire format").isEqualTo("{\"" + idField + "\":\"" + id
                + "\",\"version\":" + response.json().get("version").asLong() + "}");
        return id;
    }
}
