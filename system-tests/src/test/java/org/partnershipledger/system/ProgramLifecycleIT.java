package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.platform.testing.Http;

/**
 * A program's lifecycle over HTTP, as a board follows it: a measurement plan with a level nobody measures yet, a
 * localisation, a pivot of the core that leaves it behind, its re-confirmation, a later pivot and an update, content
 * curated and retired, and what the board reads of each. Bad input is a 400 problem with its code and records nothing.
 */
class ProgramLifecycleIT {

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    final Http manager = ledger.commands("manager");
    final Http board = ledger.queries("board");
    final String quarter = PartnershipLife.quarterOf(LocalDate.now(ZoneOffset.UTC));
    String program;
    long version;

    @Test
    void aBoardFollowsPlanLocalisationDriftAndCuration() {
        String partnership = created(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        String p = "/api/partnerships/" + partnership;
        ok(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales"], "decisions": ["Measure L3"]}"""
                .formatted(quarter)));
        program = created(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New sales reps", "kpiTargets": ["ttq"],
                 "modules": [{"title": "Discovery"}, {"title": "Objections"}], "reason": "First cohort"}"""
                .formatted(partnership)), "programId");
        String g = "/api/programs/" + program;
        version = ok(manager.postJson(g + "/approval", "{\"approvedBy\": \"Head of Sales\"}"));

        // a plan at levels 1, 3 and 4: level 3 is never measured
        String plan = """
                {"levels": [
                   {"level": 4, "metric": "Time to quota", "method": "CRM extract", "source": "BI",
                    "cadence": "QUARTERLY", "kpiId": "ttq"},
                   {"level": 1, "metric": "Satisfaction", "method": "Post-course survey", "source": "SURVEY",
                    "cadence": "PER_COHORT"},
                   {"level": 3, "metric": "Discovery questions per call", "method": "Manager checklist",
                    "source": "OBSERVATION", "cadence": "QUARTERLY"}],
                 "evidence": [{"type": "BUSINESS_REVIEW", "ref": "%s"}]}""".formatted(quarter);
        refused(manager.putJson(g + "/measurement-plan", plan.replace("\"level\": 3", "\"level\": 1")), 400,
                "DUPLICATE_LEVEL");
        refused(manager.putJson(g + "/measurement-plan", plan.replace("\"metric\": \"Satisfaction\", ", "")), 400,
                "VALIDATION_FAILED");
        refused(manager.putJson(g + "/measurement-plan", plan.replace("}]}", "}], \"decisionRef\": \"1999-Q1\"}")),
                409, "UNKNOWN_DECISION_REF");
        accepted(manager.putJson(g + "/measurement-plan", plan));
        refused(manager.putJson(g + "/measurement-plan", plan), 400, "REASON_REQUIRED");
        String cohort = created(manager.postJson(g + "/cohorts",
                "{\"region\": \"EMEA\", \"startsOn\": \"2026-09-01\", \"participants\": 20}"), "cohortId");
        version++;
        impact(1, "4.5", cohort);
        impact(4, "104", cohort);

        // a localisation on core v1, left behind by a pivot approved by a steering member
        String localization = created(manager.postJson(g + "/localizations", """
                {"region": "LATAM", "language": "es", "timeZone": "America/Mexico_City",
                 "adaptations": ["Local retail cases"]}"""), "localizationId");
        version++;
        String objections = board.await(g + "?minVersion=" + version, r -> r.status() == 200, Duration.ofSeconds(10))
                .json().at("/curriculum/modules/1/moduleId").asText();
        accepted(manager.postJson(g + "/pivots", """
                {"reason": "Time to quota stalled", "trigger": "KPI_GAP", "addModules": ["Selling with AI"],
                 "removeModules": ["%s"], "approvedBy": "CLO"}""".formatted(objections)));

        JsonNode drifted = read(g).at("/localizations/0");
        assertThat(drifted.get("coreVersion").asInt()).isEqualTo(1);
        assertThat(drifted.get("currentCoreVersion").asInt()).isEqualTo(2);
        assertThat(drifted.get("versionsBehind").asInt()).isEqualTo(1);
        assertThat(drifted.get("needsReview").asBoolean()).isTrue();
        assertThat(drifted.get("modulesAddedSince").findValuesAsText("title")).containsExactly("Selling with AI");
        assertThat(drifted.get("modulesRemovedSince").findValuesAsText("title")).containsExactly("Objections");
        JsonNode toReview = read("/api/localizations?needsReview=true&partnershipId=" + partnership)
                .get("localizations");
        assertThat(toReview).hasSize(1);
        assertThat(toReview.at("/0/programId").asText()).isEqualTo(program);
        assertThat(toReview.at("/0/localization/region").asText()).isEqualTo("LATAM");

        // re-confirmed as it is: up to date, nothing more to re-confirm
        refused(manager.postJson(g + "/localizations/nowhere/confirmation", "{}"), 404, "LOCALIZATION_NOT_FOUND");
        accepted(manager.postJson(g + "/localizations/" + localization + "/confirmation",
                "{\"reason\": \"Local cases still hold\"}"));
        refused(manager.postJson(g + "/localizations/" + localization + "/confirmation", "{}"), 409,
                "LOCALIZATION_UP_TO_DATE");
        JsonNode confirmed = read(g).at("/localizations/0");
        assertThat(confirmed.get("needsReview").asBoolean()).isFalse();
        assertThat(confirmed.at("/lastReview/outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(read("/api/localizations?needsReview=true&partnershipId=" + partnership).get("localizations"))
                .isEmpty();

        // a second pivot, and an update for it: with a reason and what changed
        String ai = read(g).at("/curriculum/modules/1/moduleId").asText();
        accepted(manager.postJson(g + "/pivots", """
                {"reason": "Prompts changed", "trigger": "TECHNOLOGY_CHANGE", "addModules": ["Prompting"],
                 "approvedBy": "CLO"}"""));
        String update = """
                {"adaptations": ["Local retail cases", "Spanish prompts"], "changes": ["Spanish prompts added"]%s}""";
        refused(manager.putJson(g + "/localizations/" + localization, update.formatted("")), 400, "REASON_REQUIRED");
        refused(manager.putJson(g + "/localizations/" + localization,
                "{\"changes\": [], \"reason\": \"x\"}"), 400, "VALIDATION_FAILED");
        accepted(manager.putJson(g + "/localizations/" + localization,
                update.formatted(", \"reason\": \"The prompting module needs Spanish prompts\"")));
        JsonNode updated = read(g).at("/localizations/0");
        assertThat(updated.get("coreVersion").asInt()).isEqualTo(3);
        assertThat(updated.get("needsReview").asBoolean()).isFalse();
        assertThat(updated.get("adaptations").get(1).asText()).isEqualTo("Spanish prompts");
        assertThat(updated.at("/lastReview/changes/0").asText()).isEqualTo("Spanish prompts added");

        // curation: what, by whom, for which gap, why it fits
        String curation = """
                {"approach": "MOOC", "title": "Negotiation basics", "uri": "%s", "provider": "Coursera",
                 "businessUnit": "Sales EMEA", "curator": "Maria Lopez", "gap": "No module on negotiation",
                 "moduleId": "%s", "rationale": "%s"}""";
        refused(manager.postJson(g + "/curations", curation.formatted("https://www.coursera.org/learn/negotiation",
                ai, " ")), 400, "VALIDATION_FAILED");
        refused(manager.postJson(g + "/curations", curation.formatted("ftp://files.example.com/negotiation", ai,
                "Short")), 400, "VALIDATION_FAILED");
        String mooc = created(manager.postJson(g + "/curations", curation.formatted(
                "https://www.coursera.org/learn/negotiation", ai, "Short, rated 4.8, works on mobile")), "curationId");
        version++;
        created(manager.postJson(g + "/curations", """
                {"approach": "CUSTOMISED", "title": "Retail objections", "businessUnit": "Retail",
                 "curator": "Tom Berg", "gap": "Retail cases", "rationale": "Our own store cases"}"""), "curationId");
        version++;
        refused(manager.postJson(g + "/curations/" + mooc + "/retirement", "{}"), 400, "REASON_REQUIRED");
        accepted(manager.postJson(g + "/curations/" + mooc + "/retirement",
                "{\"reason\": \"Coursera withdrew the course\"}"));
        refused(manager.postJson(g + "/curations/" + mooc + "/retirement", "{\"reason\": \"again\"}"), 409,
                "CURATION_ALREADY_RETIRED");

        // what the board reads
        JsonNode view = read(g);
        JsonNode levels = view.get("measurement");
        assertThat(levels).extracting(level -> level.get("level").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(levels.at("/0/recordCount").asInt()).isEqualTo(1);
        assertThat(levels.at("/0/latestValue").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(levels.at("/1/planned").isNull() || levels.at("/1/planned").isMissingNode()).isTrue();
        assertThat(levels.at("/1/unmeasured").asBoolean()).as("not planned, so not missing").isFalse();
        assertThat(levels.at("/2/planned/metric").asText()).isEqualTo("Discovery questions per call");
        assertThat(levels.at("/2/unmeasured").asBoolean()).isTrue();
        assertThat(levels.at("/3/unmeasured").asBoolean()).isFalse();
        assertThat(levels.at("/3/latestValue").decimalValue()).isEqualByComparingTo("104");
        assertThat(view.at("/measurementPlan/evidence/0/ref").asText()).isEqualTo(quarter);
        assertThat(view.get("curations").findValuesAsText("status")).containsExactly("RETIRED", "ACTIVE");
        assertThat(view.at("/curations/0/moduleTitle").asText()).isEqualTo("Selling with AI");
        JsonNode moocs = read("/api/curations?businessUnit=sales%20emea&approach=MOOC").get("curations");
        assertThat(moocs).hasSize(1);
        assertThat(moocs.at("/0/curation/rationale").asText()).isEqualTo("Short, rated 4.8, works on mobile");
        assertThat(moocs.at("/0/curation/retirementReason").asText()).isEqualTo("Coursera withdrew the course");
        assertThat(read("/api/curations?approach=CUSTOMISED&partnershipId=" + partnership).get("curations"))
                .hasSize(1);
        JsonNode history = logged(p + "/history?type=MeasurementPlanSet");
        assertThat(history).hasSize(1);
        assertThat(history.at("/0/summary").asText()).startsWith("Measurement plan set: L1 Satisfaction");
        assertThat(logged(p + "/history?type=LocalizationUpdated").at("/0/reason").asText())
                .isEqualTo("The prompting module needs Spanish prompts");
        assertThat(logged(p + "/history?type=CurationRetired").at("/0/summary").asText())
                .isEqualTo("Curation retired: Coursera withdrew the course");
    }

    @Test
    void aPartnerListsTheLocalisationsAndCurationsOfProgramsItWorksOnOnly() {
        String theirs = selectedPartnership("demo-partner");
        String other = selectedPartnership("acme-learning");
        String own = localisedAndCurated(theirs, "Sales EMEA");
        String others = localisedAndCurated(other, "Sales EMEA");
        Http partner = ledger.queries("partner");
        board.await("/api/curations?partnershipId=" + other, r -> r.status() == 200
                && r.json().get("curations").size() == 1, Duration.ofSeconds(10));
        board.await("/api/localizations?partnershipId=" + theirs, r -> r.status() == 200
                && r.json().get("localizations").size() == 1, Duration.ofSeconds(10));

        // the partner's access is kept by a read model of its own
        JsonNode localizations = partner.await("/api/localizations", r -> r.status() == 200
                && !r.json().get("localizations").isEmpty(), Duration.ofSeconds(10)).json().get("localizations");
        assertThat(localizations.findValuesAsText("programId")).containsExactly(own);
        JsonNode curations = partner.get("/api/curations?businessUnit=Sales%20EMEA").json().get("curations");
        assertThat(curations.findValuesAsText("programId")).containsExactly(own);
        assertThat(partner.get("/api/curations?partnershipId=" + other).json().get("curations")).isEmpty();
        assertThat(board.get("/api/curations?businessUnit=Sales%20EMEA").json().get("curations")
                .findValuesAsText("programId")).contains(own, others);
    }

    /** A partnership with the organisation selected in it. */
    private String selectedPartnership(String organization) {
        String id = created(manager.postJson("/api/partnerships", """
                {"name": "Academy", "client": "Acme Retail", "vision": "Faster",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}],
                 "reason": "Slow ramp-up"}"""), "partnershipId");
        String partner = created(manager.postJson("/api/partnerships/" + id + "/candidates",
                "{\"organizationId\": \"" + organization + "\", \"name\": \"P\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        for (String criterion : java.util.List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
            ok(manager.postJson("/api/partnerships/" + id + "/candidates/" + partner + "/due-diligence",
                    "{\"criterion\": \"" + criterion + "\", \"score\": 4,"
                    + " \"evidence\": [{\"type\": \"DOCUMENT\", \"ref\": \"https://docs.example.com/dd/references.pdf\"}], \"notes\": \"References\"}"));
        }
        ok(manager.postJson("/api/partnerships/" + id + "/candidates/" + partner + "/selection",
                "{\"reason\": \"Best fit\"}"));
        // whoever approves its programs sits on its steering group
        ok(manager.putJson("/api/partnerships/" + id + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        return id;
    }

    /** An approved program of the partnership, localised, with content curated by the business unit. */
    private String localisedAndCurated(String partnershipId, String businessUnit) {
        String id = created(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Selling", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort"}""".formatted(partnershipId)), "programId");
        ok(manager.postJson("/api/programs/" + id + "/approval", "{\"approvedBy\": \"Head of Sales\"}"));
        created(manager.postJson("/api/programs/" + id + "/localizations",
                "{\"region\": \"DACH\", \"language\": \"de\", \"timeZone\": \"Europe/Berlin\"}"), "localizationId");
        created(manager.postJson("/api/programs/" + id + "/curations", """
                {"approach": "PARTNER", "title": "Objection handling", "businessUnit": "%s", "curator": "Lea",
                 "gap": "Objections", "rationale": "The partner's course fits our cases"}""".formatted(businessUnit)),
                "curationId");
        return id;
    }

    /** Each refused command recorded nothing: the program's version moved only with accepted ones. */
    private void accepted(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).as("nothing recorded in between").isEqualTo(++version);
    }

    private void impact(int level, String value, String cohort) {
        created(manager.postJson("/api/programs/" + program + "/impact", """
                {"level": %d, "kpiId": "ttq", "value": %s, "unit": "days", "cohortId": "%s",
                 "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "BI"}"""
                .formatted(level, value, cohort)), "impactId");
        version++;
    }

    private static void refused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }

    /** What the board reads once the board's views have the program's latest version. */
    private JsonNode read(String path) {
        board.await("/api/programs/" + program + "?minVersion=" + version, r -> r.status() == 200,
                Duration.ofSeconds(10));
        Http.Response response = board.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        assertThat(response.header("X-Ledger-Position")).isNotBlank();
        return response.json();
    }

    /** History entries, once the event log has them. */
    private JsonNode logged(String path) {
        Http.Response response = board.await(path, r -> r.status() == 200 && !r.json().get("events").isEmpty(),
                Duration.ofSeconds(10));
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json().get("events");
    }

    private static String created(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static long ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("version").asLong();
    }
}
