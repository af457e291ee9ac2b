package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.platform.testing.Http;

/**
 * A whole partnership life over HTTP, as its users live it, on both services: opened with a KPI; two candidates
 * shortlisted and assessed on typed evidence; a steering group's early review during selection, with actions; one
 * candidate declined, the other selected on that review's decision; onboarding started and completed all the same; a
 * program proposed, approved, given a measurement plan and localised; a review in delivery; the core pivoted on that
 * review's decision, leaving the localisation to re-confirm; impact measured against the plan; a partner review, an
 * agreement signed and renewed, review actions completed and dropped; the partner offboarded, losing access; the
 * partnership ended. After each step the test reads what the board reads, with values. The steps run in order, on
 * one ledger, each carrying on from the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholePartnershipLifeIT {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** The steering group's first review, held while partners are still being chosen. */
    static final String EARLY = PartnershipLife.quarterOf(TODAY.minusMonths(3));
    /** The review held once the partner delivers. */
    static final String QUARTER = PartnershipLife.quarterOf(TODAY);
    static final String MINUTES = """
            {"type": "DOCUMENT", "ref": "https://wiki.example.com/steering/%s.pdf", "title": "Minutes"}""";

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    final Http manager = ledger.commands("manager");
    final Http partner = ledger.queries("partner");
    final Http partnerCommands = ledger.commands("partner");
    final Http board = ledger.queries("board");
    static String p;
    static String id;
    static String g;
    static String programId;
    static String acme;
    static String demo;
    static String localization;
    static String cohort;
    static long version;
    static long programVersion;
    static long offboardedAt;

    @Test
    @Order(1)
    void openedWithAKpiAndTwoCandidatesAssessedOnTypedEvidence() {
        // opened with a KPI
        id = created(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90,
                           "dueDate": "2027-06-30"}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        p = "/api/partnerships/" + id;
        JsonNode opened = partnership();
        assertThat(opened.get("stage").asText()).isEqualTo("SELECTION");
        assertThat(opened.at("/kpis/0/target").decimalValue()).isEqualByComparingTo("90");
        assertThat(history("PartnershipOpened", 1).at("/0/reason").asText())
                .isEqualTo("Sales onboarding takes too long");

        // two candidates shortlisted and assessed on typed evidence
        acme = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme Learning\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        demo = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"demo-partner\", \"name\": \"Demo Partner\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        assess(acme, "EXPERTISE", 4, """
                {"type": "DOCUMENT", "ref": "https://dms.example.com/dd/acme/references.pdf", "title": "References"}""");
        assess(acme, "WITHIN_BUDGET", 2, """
                {"type": "BI_REPORT", "ref": "bi://procurement/acme-quote", "title": "Quote comparison"}""");
        assess(demo, "EXPERTISE", 4, """
                {"type": "DOCUMENT", "ref": "https://dms.example.com/dd/demo/references.pdf", "title": "References"}""");
        assess(demo, "ON_TIME_DELIVERY", 4, """
                {"type": "XAPI_STATEMENT", "ref": "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", "title": "Pilot completions"}""");
        assess(demo, "WITHIN_BUDGET", 3, """
                {"type": "BI_REPORT", "ref": "bi://procurement/demo-quote"}""");
        JsonNode assessed = partnership();
        assertThat(each(assessed.get("partners"), "organizationId"))
                .containsExactly("acme-learning", "demo-partner");
        assertThat(assessed.at("/partners/0/dueDiligence/WITHIN_BUDGET/score").asInt()).isEqualTo(2);
        assertThat(assessed.at("/partners/0/dueDiligence/WITHIN_BUDGET/evidence/0/type").asText())
                .isEqualTo("BI_REPORT");
        assertThat(assessed.at("/partners/1/dueDiligence/ON_TIME_DELIVERY/evidence/0/type").asText())
                .isEqualTo("XAPI_STATEMENT");
        assertThat(assessed.at("/partners/1/dueDiligence/EXPERTISE/evidence/0/ref").asText())
                .isEqualTo("https://dms.example.com/dd/demo/references.pdf");
    }

    @Test
    @Order(2)
    void anEarlyReviewDuringSelectionThenOneCandidateDeclinedAndTheOtherSelectedOnItsDecision() {
        // a charter, then the steering group's early review during selection, with tracked actions
        ok(manager.putJson(p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}"));
        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales"],
                 "decisions": ["Select Demo Partner", "Start with one program"],
                 "actions": [
                   {"description": "Brief the trainers", "ownerSide": "PARTNER", "owner": "Ana", "dueDate": "%s"},
                   {"description": "Share the CRM extract", "ownerSide": "CLIENT", "owner": "Head of Sales",
                    "dueDate": "%s"},
                   {"description": "Translate the cases", "ownerSide": "PARTNER", "owner": "Ana", "dueDate": "%s"}]}"""
                .formatted(EARLY, TODAY.plusDays(30), TODAY.minusDays(10), TODAY.plusDays(60))));
        JsonNode early = partnership();
        assertThat(early.get("stage").asText()).as("an early review leaves the stage as it is").isEqualTo("SELECTION");
        assertThat(early.at("/governanceCharter/steeringMembers/1").asText()).isEqualTo("Head of Sales");
        assertThat(early.at("/businessReviews/0/period").asText()).isEqualTo(EARLY);
        JsonNode actions = early.at("/businessReviews/0/actions");
        assertThat(actions.findValuesAsText("actionId")).containsExactly(EARLY + "-1", EARLY + "-2", EARLY + "-3");
        assertThat(actions.findValuesAsText("status")).containsOnly("OPEN");
        assertThat(actions.findValuesAsText("overdue")).containsExactly("false", "true", "false");

        // one candidate declined with its reason, the other selected on the early review's decision
        ok(manager.postJson(p + "/candidates/" + acme + "/decline", "{\"reason\": \"Over budget\"}"));
        ok(manager.postJson(p + "/candidates/" + demo + "/selection", """
                {"reason": "Best fit on expertise and delivery", "decisionRef": "%s", "evidence": [%s]}"""
                .formatted(EARLY, MINUTES.formatted(EARLY))));
        JsonNode selected = partnership();
        assertThat(selected.get("stage").asText()).isEqualTo("SELECTION");
        assertThat(each(selected.get("partners"), "status")).containsExactly("DECLINED", "SELECTED");
        assertThat(selected.at("/partners/0/departureReason").asText()).isEqualTo("Over budget");
        assertThat(selected.at("/partners/1/selectionReason").asText()).isEqualTo("Best fit on expertise and delivery");
        JsonNode selection = history("PartnerSelected", 1).get(0);
        assertThat(selection.get("actor").asText()).isEqualTo("manager");
        assertThat(selection.get("reason").asText()).isEqualTo("Best fit on expertise and delivery");
        assertThat(selection.get("decisionRef").asText()).isEqualTo(EARLY);
        assertThat(selection.at("/evidence/0/ref").asText())
                .isEqualTo("https://wiki.example.com/steering/" + EARLY + ".pdf");
        JsonNode declined = history("CandidateDeclined", 1).get(0);
        assertThat(declined.get("reason").asText()).isEqualTo("Over budget");
        assertThat(declined.get("decisionRef").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void onboardingStillStartsAndCompletesAfterTheEarlyReview() {
        // onboarding starts and completes after the early review
        ok(manager.postJson(p + "/onboarding", ""));
        assertThat(partnership().get("stage").asText()).isEqualTo("ONBOARDING");
        ok(manager.postJson(p + "/onboarding/completion", "{\"summary\": \"Trainers certified\"}"));
        assertThat(partnership().get("stage").asText()).isEqualTo("DELIVERY");
    }

    @Test
    @Order(4)
    void aProgramApprovedByASteeringMemberWithAMeasurementPlanAndALocalisation() {
        // a program proposed and approved by a steering member
        programId = created(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New sales reps", "kpiTargets": ["ttq"],
                 "modules": [{"title": "Discovery"}, {"title": "Objections"}], "reason": "First cohort in Q3"}"""
                .formatted(id)), "programId");
        g = "/api/programs/" + programId;
        programVersion = 0;
        refused(manager.postJson(g + "/approval", "{\"approvedBy\": \"Intern\"}"), 409,
                "APPROVER_NOT_STEERING_MEMBER");
        programOk(manager.postJson(g + "/approval", """
                {"approvedBy": "CLO", "reason": "Fits the goals", "decisionRef": "%s"}""".formatted(EARLY)));
        assertThat(program().get("status").asText()).isEqualTo("APPROVED");
        JsonNode approval = history("ProgramApproved", 1).get(0);
        assertThat(approval.get("decisionRef").asText()).isEqualTo(EARLY);
        assertThat(approval.get("aggregateId").asText()).isEqualTo(programId);

        // a measurement plan at levels 1, 3 and 4, level 3 left without a measurement
        programOk(manager.putJson(g + "/measurement-plan", """
                {"levels": [
                   {"level": 1, "metric": "Satisfaction", "method": "Post-course survey", "source": "SURVEY",
                    "cadence": "PER_COHORT"},
                   {"level": 3, "metric": "Discovery questions per call", "method": "Manager checklist",
                    "source": "OBSERVATION", "cadence": "QUARTERLY"},
                   {"level": 4, "metric": "Time to quota", "method": "CRM extract", "source": "BI",
                    "cadence": "QUARTERLY", "kpiId": "ttq"}],
                 "reason": "Metrics at every level the board asked for"}"""));
        JsonNode planned = program().get("measurement");
        assertThat(planned).extracting(level -> level.get("level").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(planned.at("/0/unmeasured").asBoolean()).isTrue();
        assertThat(planned.at("/1/unmeasured").asBoolean()).as("level 2 is not planned").isFalse();
        assertThat(planned.at("/2/unmeasured").asBoolean()).isTrue();
        assertThat(planned.at("/3/planned/kpiId").asText()).isEqualTo("ttq");

        // localised on the core as it is (version 1)
        localization = created(manager.postJson(g + "/localizations", """
                {"region": "LATAM", "language": "es", "timeZone": "America/Mexico_City",
                 "adaptations": ["Local retail cases"]}"""), "localizationId");
        programVersion++;
        JsonNode localised = program().at("/localizations/0");
        assertThat(localised.get("coreVersion").asInt()).isEqualTo(1);
        assertThat(localised.get("needsReview").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void aReviewInDeliveryThenAPivotOnItsDecisionFlagsTheLocalisationAndImpactMeetsThePlan() {
        // the review in delivery moves the partnership to governance
        ok(manager.postJson(p + "/business-reviews", """
                {"period": "%s", "attendees": ["CLO", "Head of Sales", "Ana"],
                 "decisions": ["Replace objections with selling with AI", "Renew for two years"],
                 "actions": [{"description": "Measure L3 in LATAM", "ownerSide": "CLIENT", "owner": "CLO",
                              "dueDate": "%s"}]}""".formatted(QUARTER, TODAY.plusDays(45))));
        JsonNode governed = partnership();
        assertThat(governed.get("stage").asText()).isEqualTo("GOVERNANCE");
        assertThat(each(governed.get("businessReviews"), "period")).containsExactly(EARLY, QUARTER);

        // the core pivoted on that review's decision: the localisation falls behind, then is re-confirmed
        String objections = program().at("/curriculum/modules/1/moduleId").asText();
        programOk(manager.postJson(g + "/pivots", """
                {"reason": "Time to quota stalled", "trigger": "KPI_GAP", "addModules": ["Selling with AI"],
                 "removeModules": ["%s"], "approvedBy": "Head of Sales", "decisionRef": "%s",
                 "evidence": [{"type": "BI_REPORT", "ref": "https://bi.example.com/ttq", "title": "Time to quota"}]}"""
                .formatted(objections, QUARTER)));
        JsonNode pivoted = program();
        assertThat(pivoted.at("/curriculum/version").asInt()).isEqualTo(2);
        assertThat(pivoted.at("/curriculum/modules").findValuesAsText("title"))
                .containsExactly("Discovery", "Selling with AI");
        JsonNode drifted = pivoted.at("/localizations/0");
        assertThat(drifted.get("coreVersion").asInt()).isEqualTo(1);
        assertThat(drifted.get("currentCoreVersion").asInt()).isEqualTo(2);
        assertThat(drifted.get("versionsBehind").asInt()).isEqualTo(1);
        assertThat(drifted.get("needsReview").asBoolean()).isTrue();
        assertThat(drifted.get("modulesAddedSince").findValuesAsText("title")).containsExactly("Selling with AI");
        assertThat(drifted.get("modulesRemovedSince").findValuesAsText("title")).containsExactly("Objections");
        JsonNode toReview = get("/api/localizations?needsReview=true&partnershipId=" + id).get("localizations");
        assertThat(toReview).hasSize(1);
        assertThat(toReview.at("/0/localization/region").asText()).isEqualTo("LATAM");
        assertThat(toReview.at("/0/localization/versionsBehind").asInt()).isEqualTo(1);
        JsonNode pivot = history("CurriculumPivoted", 1).get(0);
        assertThat(pivot.get("summary").asText())
                .isEqualTo("Curriculum pivoted v1→v2 (KPI_GAP): Time to quota stalled, approved by Head of Sales");
        assertThat(pivot.get("decisionRef").asText()).isEqualTo(QUARTER);
        programOk(manager.postJson(g + "/localizations/" + localization + "/confirmation",
                "{\"reason\": \"The local cases still hold\"}"));
        JsonNode confirmed = program().at("/localizations/0");
        assertThat(confirmed.get("coreVersion").asInt()).isEqualTo(2);
        assertThat(confirmed.get("needsReview").asBoolean()).isFalse();
        assertThat(confirmed.at("/lastReview/outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/lastReview/reason").asText()).isEqualTo("The local cases still hold");
        assertThat(get("/api/localizations?needsReview=true&partnershipId=" + id).get("localizations")).isEmpty();

        // impact against the plan: level 3 stays unmeasured
        cohort = created(manager.postJson(g + "/cohorts",
                "{\"region\": \"LATAM\", \"startsOn\": \"2026-07-01\", \"participants\": 20}"), "cohortId");
        programVersion++;
        impact(1, "4.5", cohort);
        impact(4, "104", cohort);
        JsonNode measured = program();
        JsonNode levels = measured.get("measurement");
        assertThat(levels.at("/0/planned/metric").asText()).isEqualTo("Satisfaction");
        assertThat(levels.at("/0/recordCount").asInt()).isEqualTo(1);
        assertThat(levels.at("/0/latestValue").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(levels.at("/0/unmeasured").asBoolean()).isFalse();
        assertThat(levels.at("/1/unmeasured").asBoolean()).as("level 2 is not planned, so not missing").isFalse();
        assertThat(levels.at("/2/planned/metric").asText()).isEqualTo("Discovery questions per call");
        assertThat(levels.at("/2/unmeasured").asBoolean()).isTrue();
        assertThat(levels.at("/3/latestValue").decimalValue()).isEqualByComparingTo("104");
        assertThat(levels.at("/3/unmeasured").asBoolean()).isFalse();
    }

    @Test
    @Order(6)
    void aPartnerReviewAnAgreementRenewedTheCostSplitSpentAndReviewActionsClosed() {
        // the selected partner reviewed; it raises a concern of its own while in the coalition
        ok(manager.postJson(p + "/candidates/" + demo + "/performance-reviews", """
                {"period": "%s", "quality": 4, "onTimeDelivery": 3, "budget": 4, "facilitationQuality": 5,
                 "comment": "Strong facilitation", "evidence": [{"type": "BI_REPORT", "ref": "bi://delivery/demo"}]}"""
                .formatted(QUARTER)));
        Http.Response concern = partnerCommands.postJson(p + "/concerns",
                "{\"raisedBy\": \"PARTNER\", \"subject\": \"Late SME reviews\", \"description\": \"Two weeks late\"}");
        assertThat(concern.status()).as(concern.toString()).isEqualTo(201);
        version = concern.json().get("version").asLong();
        JsonNode reviewed = partnership();
        assertThat(reviewed.at("/partnerReviews/0/organizationId").asText()).isEqualTo("demo-partner");
        assertThat(reviewed.at("/partnerReviews/0/reviews/0/period").asText()).isEqualTo(QUARTER);
        assertThat(reviewed.at("/partnerReviews/0/latest/facilitationQuality/score").asInt()).isEqualTo(5);
        assertThat(reviewed.at("/concerns/0/raisedBy").asText()).isEqualTo("PARTNER");

        // an agreement signed and renewed on the review's decision
        ok(manager.postJson(p + "/agreement", """
                {"termStart": "%s", "termEnd": "%s", "renewalDate": "%s"}"""
                .formatted(TODAY.minusMonths(6), TODAY.plusMonths(2), TODAY.plusMonths(1))));
        assertThat(partnership().at("/agreement/status").asText()).isEqualTo("RENEWAL_DUE");
        ok(manager.postJson(p + "/agreement/renewal", """
                {"termEnd": "%s", "renewalDate": "%s", "reason": "Results hold", "decisionRef": "%s"}"""
                .formatted(TODAY.plusYears(2), TODAY.plusYears(2).minusMonths(3), QUARTER)));
        JsonNode renewed = partnership().get("agreement");
        assertThat(renewed.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(renewed.get("termEnd").asText()).isEqualTo(TODAY.plusYears(2).toString());
        assertThat(renewed.at("/renewals/0/previousTermEnd").asText()).isEqualTo(TODAY.plusMonths(2).toString());
        assertThat(renewed.at("/renewals/0/reason").asText()).isEqualTo("Results hold");

        // the cost split, accepted by a business unit and spent against
        ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 200000, "reason": "Sales benefits most",
                 "shares": [{"businessUnit": "Sales", "percent": 75}, {"businessUnit": "L&D", "percent": 25}]}"""));
        ok(manager.postJson(p + "/cost-sharing/acceptances",
                "{\"businessUnit\": \"Sales\", \"acceptedBy\": \"Head of Sales\"}"));
        created(manager.postJson(p + "/spend", """
                {"businessUnit": "Sales", "amount": 160000, "currency": "EUR", "period": "%s",
                 "description": "Facilitation days"}""".formatted(QUARTER)), "spendId");
        JsonNode sales = partnership().at("/budget/0");
        assertThat(sales.get("businessUnit").asText()).isEqualTo("Sales");
        assertThat(sales.get("budgeted").decimalValue()).isEqualByComparingTo("150000");
        assertThat(sales.get("acceptedBy").asText()).isEqualTo("Head of Sales");
        assertThat(sales.get("spent").decimalValue()).isEqualByComparingTo("160000");
        assertThat(sales.get("variance").decimalValue()).isEqualByComparingTo("10000");

        // one review action completed, another dropped with its reason, one left overdue
        ok(manager.postJson(p + "/review-actions/" + EARLY + "-1/completion", "{\"note\": \"Trainers briefed\"}"));
        refused(manager.postJson(p + "/review-actions/" + EARLY + "-3/drop", "{}"), 400, "REASON_REQUIRED");
        ok(manager.postJson(p + "/review-actions/" + EARLY + "-3/drop",
                "{\"reason\": \"The pilot runs in English\"}"));
        JsonNode tracked = partnership().at("/businessReviews/0/actions");
        assertThat(tracked.findValuesAsText("status")).containsExactly("DONE", "OPEN", "DROPPED");
        assertThat(tracked.at("/0/note").asText()).isEqualTo("Trainers briefed");
        assertThat(tracked.at("/2/reason").asText()).isEqualTo("The pilot runs in English");
        assertThat(tracked.findValuesAsText("overdue")).containsExactly("false", "true", "false");
        JsonNode pack = get(p + "/governance-pack?period=" + QUARTER);
        assertThat(pack.at("/review/period").asText()).isEqualTo(QUARTER);
        assertThat(pack.get("overdueActions").findValuesAsText("actionId")).containsExactly(EARLY + "-2");
        assertThat(pack.at("/overdueActions/0/owner").asText()).isEqualTo("Head of Sales");
        assertThat(pack.get("actionsClosed").findValuesAsText("actionId")).containsExactly(EARLY + "-1", EARLY + "-3");
        assertThat(each(pack.get("pivots"), "reason")).containsExactly("Time to quota stalled");
        assertThat(pack.at("/kpiStatus/0/latestActual").decimalValue()).isEqualByComparingTo("104");
    }

    @Test
    @Order(7)
    void aChangeOfDirectionWithoutAReasonRecordsNothing() {
        // a change of direction without a reason records nothing
        JsonNode before = partnership();
        refused(manager.putJson(p + "/strategy", """
                {"vision": "Reps productive in 60 days", "kpis": [{"kpiId": "ttq", "name": "Time to quota",
                 "unit": "days", "baseline": 120, "target": 60}]}"""), 400, "REASON_REQUIRED");
        refused(manager.postJson(p + "/candidates/" + demo + "/offboarding", "{\"reason\": \"  \"}"), 400,
                "REASON_REQUIRED");
        refused(manager.postJson(p + "/end", "{}"), 400, "REASON_REQUIRED");
        refused(manager.postJson(g + "/pivots", """
                {"trigger": "OTHER", "addModules": ["Extra"], "approvedBy": "CLO"}"""), 400, "REASON_REQUIRED");
        JsonNode after = partnership();
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("vision").asText()).isEqualTo("Reps productive in 90 days");
        assertThat(program().at("/curriculum/version").asInt()).isEqualTo(2);
    }

    @Test
    @Order(8)
    void theOffboardedPartnerLosesAccessAndThePartnershipEnds() {
        // the partner offboarded with its reason: it loses access
        Http.Response offboarded = manager.postJson(p + "/candidates/" + demo + "/offboarding", """
                {"reason": "Moving delivery in-house", "decisionRef": "%s"}""".formatted(QUARTER),
                "If-Match", "\"" + version + "\"");
        assertThat(offboarded.status()).as("the version the last command answered is still current: " + offboarded)
                .isEqualTo(200);
        version = offboarded.json().get("version").asLong();
        offboardedAt = version;
        JsonNode gone = partnership();
        assertThat(gone.at("/partners/1/status").asText()).isEqualTo("OFFBOARDED");
        assertThat(gone.at("/partners/1/departureReason").asText()).isEqualTo("Moving delivery in-house");
        JsonNode offboarding = history("PartnerOffboarded", 1).get(0);
        assertThat(offboarding.get("actor").asText()).isEqualTo("manager");
        assertThat(offboarding.get("reason").asText()).isEqualTo("Moving delivery in-house");
        assertThat(offboarding.get("decisionRef").asText()).isEqualTo(QUARTER);
        refused(partnerCommands.postJson(p + "/concerns",
                "{\"raisedBy\": \"PARTNER\", \"subject\": \"Handover\", \"description\": \"Who takes the cases?\"}"),
                409, "PARTNER_ACCESS_ENDED");
        refused(manager.postJson(p + "/candidates/" + demo + "/performance-reviews", """
                {"period": "%s", "quality": 3, "onTimeDelivery": 3, "budget": 3, "facilitationQuality": 3}"""
                .formatted(EARLY)), 409, "PARTNER_OFFBOARDED");

        // the partnership ended with its reason, on the review's decision
        ok(manager.postJson(p + "/end", """
                {"reason": "The academy runs in-house now", "decisionRef": "%s", "evidence": [%s]}"""
                .formatted(QUARTER, MINUTES.formatted(QUARTER))));
        JsonNode ended = partnership();
        assertThat(ended.get("stage").asText()).isEqualTo("ENDED");
        assertThat(ended.get("endReason").asText()).isEqualTo("The academy runs in-house now");
        assertThat(get("/api/partnerships?stage=ENDED&q=field%20sales").get("total").asLong()).isEqualTo(1);
        JsonNode end = history("PartnershipEnded", 1).get(0);
        assertThat(end.get("reason").asText()).isEqualTo("The academy runs in-house now");
        assertThat(end.at("/evidence/0/type").asText()).isEqualTo("DOCUMENT");
        // it is read as of its end: its agreement ended with it (the view's own tests cover the actions a year on)
        assertThat(ended.at("/agreement/status").asText()).isEqualTo("ENDED");

        // the partner reads what happened until it left, nothing after
        JsonNode seen = partner.await(p, r -> r.status() == 200 && r.json().get("version").asLong() == offboardedAt,
                Duration.ofSeconds(10)).json();
        assertThat(seen.get("version").asLong()).isEqualTo(offboardedAt);
        assertThat(seen.get("stage").asText()).isEqualTo("GOVERNANCE");
        assertThat(each(seen.get("partners"), "organizationId")).containsExactly("demo-partner");
        assertThat(seen.at("/partners/0/status").asText()).isEqualTo("OFFBOARDED");
        assertThat(seen.get("partnerReviews")).as("a partner sees none of the lifecycle's governance").isEmpty();
        assertThat(seen.get("businessReviews")).isEmpty();
        assertThat(seen.get("budget")).isEmpty();
        assertThat(seen.get("agreement").isNull()).isTrue();
        Http.Response theirProgram = partner.get(g);
        assertThat(theirProgram.status()).as(theirProgram.toString()).isEqualTo(200);
        assertThat(theirProgram.json().at("/curriculum/version").asInt()).isEqualTo(2);
        List<String> partnerHistory = each(partner.get(p + "/history?size=100").json().get("events"), "type");
        assertThat(partnerHistory).contains("CandidateShortlisted", "PartnerSelected", "PartnerOffboarded",
                "CurriculumPivoted").doesNotContain("CandidateDeclined", "BusinessReviewHeld", "PartnershipEnded");
    }

    @Test
    @Order(9)
    void everyCommandAfterTheEndIsRefused() {
        // every further command is refused, on the partnership and on its program
        List<Supplier<Http.Response>> commands = new ArrayList<>(List.of(
                () -> manager.postJson(p + "/candidates",
                        "{\"organizationId\": \"late-co\", \"name\": \"Late\", \"role\": \"TRAINING_PROVIDER\"}"),
                () -> manager.putJson(p + "/governance-charter",
                        "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CLO\"], \"reason\": \"Smaller\"}"),
                () -> manager.postJson(p + "/business-reviews",
                        "{\"period\": \"2030-Q1\", \"attendees\": [\"CLO\"], \"decisions\": [\"Close\"]}"),
                () -> manager.postJson(p + "/review-actions/" + EARLY + "-2/completion", "{}"),
                () -> manager.postJson(p + "/agreement/renewal",
                        "{\"termEnd\": \"2035-01-01\", \"renewalDate\": \"2034-10-01\"}"),
                () -> manager.postJson(p + "/agreement/non-renewal", "{\"reason\": \"Ended\"}"),
                () -> manager.postJson(p + "/scope-extensions", "{\"regions\": [\"APAC\"], \"reason\": \"Growth\"}"),
                () -> manager.putJson(p + "/cost-sharing", """
                        {"currency": "EUR", "totalBudget": 1000, "reason": "Late",
                         "shares": [{"businessUnit": "Sales", "percent": 100}]}"""),
                () -> manager.postJson(p + "/cost-sharing/acceptances",
                        "{\"businessUnit\": \"Sales\", \"acceptedBy\": \"Head of Sales\"}"),
                () -> manager.postJson(p + "/spend",
                        "{\"businessUnit\": \"Sales\", \"amount\": 10, \"period\": \"2026-12\", \"description\": \"d\"}"),
                () -> manager.postJson(p + "/concerns",
                        "{\"raisedBy\": \"CLIENT\", \"subject\": \"Late\", \"description\": \"d\"}"),
                () -> manager.postJson(p + "/end", "{\"reason\": \"Again\"}"),
                () -> manager.postJson("/api/programs", """
                        {"partnershipId": "%s", "title": "Negotiation", "kpiTargets": ["ttq"],
                         "modules": [{"title": "Basics"}], "reason": "Next"}""".formatted(id)),
                () -> manager.postJson(g + "/pivots", """
                        {"reason": "Late", "trigger": "OTHER", "addModules": ["Extra"], "approvedBy": "CLO"}"""),
                () -> manager.putJson(g + "/measurement-plan", """
                        {"levels": [{"level": 2, "metric": "Quiz", "method": "LMS quiz", "source": "ASSESSMENT",
                          "cadence": "PER_COHORT"}], "reason": "Late"}"""),
                () -> manager.putJson(g + "/localizations/" + localization,
                        "{\"changes\": [\"Late\"], \"reason\": \"Late\"}"),
                () -> manager.postJson(g + "/curations", """
                        {"approach": "MOOC", "title": "Negotiation", "businessUnit": "Sales", "curator": "Lea",
                         "gap": "Negotiation", "rationale": "Short"}"""),
                () -> manager.postJson(g + "/impact", """
                        {"level": 2, "kpiId": "ttq", "value": 1, "unit": "days", "cohortId": "%s",
                         "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "BI"}"""
                        .formatted(cohort))));
        for (Supplier<Http.Response> command : commands) {
            refused(command.get(), 409, "PARTNERSHIP_ENDED");
        }
        assertThat(partnership().get("version").asLong()).as("nothing recorded after the end").isEqualTo(version);
        assertThat(program().get("version").asLong()).isEqualTo(programVersion);
    }

    @Test
    @Order(10)
    void eachReviewListsExactlyTheDecisionsThatNamedIt() {
        // the board asks which decisions each review took: exactly those that named it
        JsonNode earlyDecisions = decisions(EARLY, 2);
        assertThat(each(earlyDecisions.get("decisions"), "type")).containsExactly("PartnerSelected", "ProgramApproved");
        assertThat(each(earlyDecisions.get("decisions"), "reason"))
                .containsExactly("Best fit on expertise and delivery", "Fits the goals");
        assertThat(earlyDecisions.at("/review/decisions/0").asText()).isEqualTo("Select Demo Partner");
        JsonNode quarterDecisions = decisions(QUARTER, 4);
        assertThat(each(quarterDecisions.get("decisions"), "type"))
                .containsExactly("CurriculumPivoted", "AgreementRenewed", "PartnerOffboarded", "PartnershipEnded");
        assertThat(each(quarterDecisions.get("decisions"), "actor")).containsOnly("manager");
        assertThat(quarterDecisions.at("/decisions/0/aggregateId").asText()).isEqualTo(programId);
        assertThat(quarterDecisions.at("/decisions/0/evidence/0/ref").asText()).isEqualTo("https://bi.example.com/ttq");
        JsonNode reviews = get(p + "/reviews").get("reviews");
        assertThat(each(reviews, "period")).containsExactly(EARLY, QUARTER);
        assertThat(each(reviews, "ledgerDecisions")).containsExactly("2", "4");
    }

    private void assess(String candidate, String criterion, int score, String evidence) {
        ok(manager.postJson(p + "/candidates/" + candidate + "/due-diligence",
                "{\"criterion\": \"" + criterion + "\", \"score\": " + score + ", \"evidence\": [" + evidence + "]}"));
    }

    private void impact(int level, String value, String cohort) {
        created(manager.postJson(g + "/impact", """
                {"level": %d, "kpiId": "ttq", "value": %s, "unit": "days", "cohortId": "%s",
                 "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "BI"}"""
                .formatted(level, value, cohort)), "impactId");
        programVersion++;
    }

    /** The partnership as the board reads it once its view has the version the last command answered. */
    private JsonNode partnership() {
        JsonNode view = get(p + "?minVersion=" + version);
        assertThat(view.get("version").asLong()).isEqualTo(version);
        return view;
    }

    /** The program as the board reads it once its view has the version the last command answered. */
    private JsonNode program() {
        JsonNode view = get(g + "?minVersion=" + programVersion);
        assertThat(view.get("version").asLong()).isEqualTo(programVersion);
        return view;
    }

    /** The history entries of one type, once the event log holds the count expected. */
    private JsonNode history(String type, int count) {
        Http.Response response = board.await(p + "/history?type=" + type,
                r -> r.status() == 200 && r.json().get("total").asLong() == count, Duration.ofSeconds(10));
        assertThat(response.json().get("total").asLong()).as(response.toString()).isEqualTo(count);
        return response.json().get("events");
    }

    /** The decisions that named a review, once the read model holds the count expected. */
    private JsonNode decisions(String period, int count) {
        Http.Response response = board.await(p + "/reviews/" + period + "/decisions",
                r -> r.status() == 200 && r.json().get("decisions").size() == count, Duration.ofSeconds(10));
        assertThat(response.json().get("decisions")).as(response.toString()).hasSize(count);
        return response.json();
    }

    private JsonNode get(String path) {
        Http.Response response = board.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        assertThat(Long.parseLong(response.header("X-Ledger-Position"))).isPositive();
        return response.json();
    }

    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private String created(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        if (response.json().has("version") && p != null && !field.equals("programId") && response.raw().uri()
                .getPath().startsWith(p)) {
            version = response.json().get("version").asLong();
        }
        return response.json().get(field).asText();
    }

    private void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        version = response.json().get("version").asLong();
    }

    private void programOk(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).as("nothing recorded in between")
                .isEqualTo(++programVersion);
    }

    private static void refused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
