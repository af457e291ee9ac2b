package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.partnershipledger.platform.testing.Http;

/**
 * A scripted partnership life through the command API: open → shortlist → due diligence → select → onboarding →
 * charter → program → co-create → approve → localise → cohorts → impact → pivot → impact → review → cost split →
 * concern.
 * Remembers the ids, the versions the commands answered, and instants between steps for time travel.
 */
final class PartnershipLife {

    /** What each due-diligence assessment rests on: a document, by its web address. */
    static final String REFERENCE_CALLS = """
            {"type": "DOCUMENT", "ref": "https://dms.example/due-diligence/acme-learning/reference-calls.pdf",
             "title": "Reference calls"}""";

    final Http manager;
    String partnershipId;
    String partnerId;
    String programId;
    String cohortId;
    String coCreatedModuleId;
    long partnershipVersion;
    long programVersion;
    Instant afterOpening;
    Instant afterSelection;
    Instant beforePivot;
    final String quarter = quarterOf(LocalDate.now(ZoneOffset.UTC));

    PartnershipLife(Http manager) {
        this.manager = manager;
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    PartnershipLife live() throws InterruptedException {
        partnershipId = field(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90,
                           "dueDate": "2027-06-30"}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        afterOpening = pause();
        String p = "/api/partnerships/" + partnershipId;
        partnerId = field(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme Learning\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        for (String assessment : List.of("EXPERTISE\", \"score\": 4", "ON_TIME_DELIVERY\", \"score\": 3",
                "WITHIN_BUDGET\", \"score\": 2", "WITHIN_BUDGET\", \"score\": 4")) {
            ok(manager.postJson(p + "/candidates/" + partnerId + "/due-diligence",
                    "{\"criterion\": \"" + assessment + ", \"evidence\": [" + REFERENCE_CALLS + "]}"));
        }
        ok(manager.postJson(p + "/candidates/" + partnerId + "/selection", "{\"reason\": \"Best fit on expertise\"}"));
        afterSelection = pause();
        ok(manager.postJson(p + "/onboarding", ""));
        ok(manager.postJson(p + "/onboarding/completion", "{\"summary\": \"Trainers certified\"}"));

        // its steering members are who may approve programs and pivots
        ok(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        programId = field(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New sales reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort"}""".formatted(partnershipId)), "programId");
        String g = "/api/programs/" + programId;
        coCreatedModuleId = field(manager.postJson(g + "/modules",
                "{\"title\": \"Role plays\", \"clientSmes\": [\"Top seller\"], \"partnerDesigners\": [\"Designer\"]}"),
                "moduleId");
        ok(manager.postJson(g + "/approval", "{\"approvedBy\": \"Head of Sales\"}"));
        field(manager.postJson(g + "/localizations",
                "{\"region\": \"LATAM\", \"language\": \"es\", \"timeZone\": \"America/Mexico_City\", \"adaptations\": [\"Local cases\"]}"),
                "localizationId");
        cohortId = field(manager.postJson(g + "/cohorts",
                "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}"), "cohortId");
        ok(manager.postJson(g + "/cohorts/" + cohortId + "/delivery",
                "{\"deliveredOn\": \"2026-09-30\", \"participantsCompleted\": 18, \"facilitator\": \"Ana\"}"));
        impact(4, "104", "2026-08-31");
        impact(1, "4.5", "2026-08-31");
        beforePivot = pause();
        programVersion = ok(manager.postJson(g + "/pivots", """
                {"reason": "Time to quota stalled", "trigger": "KPI_GAP", "addModules": ["Selling with AI"],
                 "removeModules": ["%s"], "approvedBy": "Head of Sales"}""".formatted(coCreatedModuleId)));
        programVersion = impact(4, "99", "2026-09-30");

        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales"], "decisions": ["Keep the AI module"],
                 "actions": [{"description": "Measure L3 in EMEA", "ownerSide": "CLIENT", "owner": "Head of Sales",
                              "dueDate": "2027-06-30"}]}""".formatted(quarter)));
        ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "Sales benefits most",
                 "shares": [{"businessUnit": "Sales", "percent": 60}, {"businessUnit": "L&D", "percent": 40}]}"""));
        Http.Response concern = manager.postJson(p + "/concerns",
                "{\"raisedBy\": \"PARTNER\", \"subject\": \"Late SME reviews\", \"description\": \"Two weeks late\"}");
        partnershipVersion = concern.json().get("version").asLong();
        return this;
    }

    private long impact(int level, String value, String periodEnd) {
        Http.Response response = manager.postJson("/api/programs/" + programId + "/impact", """
                {"level": %d, "kpiId": "ttq", "value": %s, "unit": "days", "cohortId": "%s",
                 "periodStart": "2026-07-01", "periodEnd": "%s", "source": "BI", "evidence": ["bi://ttq"]}"""
                .formatted(level, value, cohortId, periodEnd));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("version").asLong();
    }

    private static String field(Http.Response response, String name) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(name).asText();
    }

    private static long ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("version").asLong();
    }

    /** An instant strictly between the previous step and the next (event times have millisecond precision). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        return between;
    }
}
