package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.query.QuerySideApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What a partner reads over HTTP (docs/api.md, "What a partner sees"), with a competitor in the same partnership.
 * The demo partner (organisation {@code demo-partner}) and a rival (organisation {@code rival-academy}, a second
 * partner user configured on the query side) are shortlisted and assessed; the demo partner is selected; costs are
 * shared; concerns are raised by the partner, about the rival, and about no one; a program runs. The rival is then
 * declined and the demo partner offboarded, and later events must not reach either of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerDataMinimisationIT {

    static final String RIVAL_SECRET = "Rival's confidential reference calls";

    static String reference(String organization) {
        return "{\"type\": \"DOCUMENT\", \"ref\": \"https://dms.example/due-diligence/" + organization + ".pdf\"}";
    }

    static LedgerRunner ledger;
    static ConfigurableApplicationContext querySide;
    static Http manager;
    static Http board;
    static Http partner;
    static Http rival;
    static String p;
    static String programId;
    static String ownConcern;
    static String partnerId;
    static String rivalId;

    @BeforeAll
    static void liveAPartnershipWithTwoCandidates() {
        ledger = new LedgerRunner().startCommandSide();
        querySide = querySideWithASecondPartner(ledger.database);
        Http queries = Http.localhost(((WebServerApplicationContext) querySide).getWebServer().getPort());
        manager = ledger.commands("manager");
        board = queries.as("board");
        partner = queries.as("partner");
        rival = queries.as("rival");

        p = "/api/partnerships/" + created(manager.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Reps productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}],
                 "reason": "Sales onboarding takes too long"}"""), "partnershipId");
        partnerId = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"demo-partner\", \"name\": \"Demo Partner\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        rivalId = created(manager.postJson(p + "/candidates",
                "{\"organizationId\": \"rival-academy\", \"name\": \"Rival Academy\", \"role\": \"TRAINING_PROVIDER\"}"),
                "partnerId");
        for (String criterion : List.of("EXPERTISE", "ON_TIME_DELIVERY", "WITHIN_BUDGET")) {
            ok(manager.postJson(p + "/candidates/" + partnerId + "/due-diligence",
                    "{\"criterion\": \"" + criterion + "\", \"score\": 4, \"evidence\": [" + reference("demo-partner")
                            + "], \"notes\": \"Demo's references\"}"));
            ok(manager.postJson(p + "/candidates/" + rivalId + "/due-diligence",
                    "{\"criterion\": \"" + criterion + "\", \"score\": 3, \"evidence\": [" + reference("rival-academy")
                            + "], \"notes\": \"" + RIVAL_SECRET + "\"}"));
        }
        ok(manager.postJson(p + "/candidates/" + partnerId + "/selection", "{\"reason\": \"Best fit\"}"));
        ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 250000, "reason": "Sales benefits most",
                 "shares": [{"businessUnit": "Sales", "percent": 60}, {"businessUnit": "L&D", "percent": 40}]}"""));
        ownConcern = created(ledger.commands("partner").postJson(p + "/concerns",
                "{\"raisedBy\": \"PARTNER\", \"subject\": \"Late SME reviews\", \"description\": \"Two weeks\"}"),
                "concernId");
        created(manager.postJson(p + "/concerns", """
                {"raisedBy": "CLIENT", "subject": "Rival pitches our staff", "description": "d",
                 "organizationId": "rival-academy"}"""), "concernId");
        created(manager.postJson(p + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Budget is tight\", \"description\": \"internal\"}"),
                "concernId");
        programId = created(manager.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New sales reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort"}""".formatted(p.substring(p.lastIndexOf('/') + 1))), "programId");
        ok(manager.postJson(p + "/candidates/" + rivalId + "/decline", "{\"reason\": \"Chose another provider\"}"));
        long version = created(manager.postJson(p + "/concerns", """
                {"raisedBy": "CLIENT", "subject": "Rival disputes the decision", "description": "d",
                 "organizationId": "rival-academy"}"""));
        board.await(p + "?minVersion=" + version, r -> r.status() == 200, Duration.ofSeconds(10));
        board.await(p + "/history", r -> r.json().get("total").asLong() == version + 2, Duration.ofSeconds(10));
    }

    /**
     * The query side on the ledger's database with the demo board and partner users and a second partner user,
     * {@code rival} (password {@code rival-demo}, organisation {@code rival-academy}). Users are given as
     * command-line arguments: they rank above the demo users, as an operator's settings do.
     */
    static ConfigurableApplicationContext querySideWithASecondPartner(String database) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        String[][] readers = {{"board", "BOARD", ""}, {"partner", "PARTNER", "demo-partner"},
                {"rival", "PARTNER", "rival-academy"}};
        for (int i = 0; i < readers.length; i++) {
            String prefix = "--ledger.security.users[" + i + "].";
            arguments.add(prefix + "name=" + readers[i][0]);
            arguments.add(prefix + "password-hash=" + bcrypt.encode(readers[i][0] + "-demo"));
            arguments.add(prefix + "roles=" + readers[i][1]);
            if (!readers[i][2].isEmpty()) {
                arguments.add(prefix + "organization-id=" + readers[i][2]);
            }
        }
        return QuerySideApplication.builder()
                .properties("ledger.db.url=" + database, "ledger.db.user=postgres", "ledger.db.pool-size=5")
                .run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        querySide.close();
        ledger.close();
    }

    @Test
    @Order(1)
    void thePartnerSeesItsOwnCandidacyAndDueDiligenceAndNotItsCompetitors() {
        JsonNode shown = partner.get(p).json();

        assertThat(shown.get("partners").findValuesAsText("organizationId")).containsExactly("demo-partner");
        assertThat(shown.at("/partners/0/status").asText()).isEqualTo("SELECTED");
        assertThat(shown.at("/partners/0/dueDiligence/EXPERTISE/notes").asText()).isEqualTo("Demo's references");
        assertThat(shown.at("/partners/0/dueDiligence/EXPERTISE/evidence/0/ref").asText())
                .isEqualTo("https://dms.example/due-diligence/demo-partner.pdf");
        assertThat(shown.get("costSharing").isNull()).as("no internal cost split").isTrue();
        assertThat(shown.get("concerns").findValuesAsText("concernId")).containsExactly(ownConcern);
        assertThat(shown.get("programs").findValuesAsText("programId")).containsExactly(programId);
        assertThat(shown.toString()).doesNotContain("rival-academy", RIVAL_SECRET, "Budget is tight");

        JsonNode line = partner.get("/api/partnerships").json().at("/items/0");
        assertThat(line.get("partners").findValuesAsText("organizationId")).containsExactly("demo-partner");
        assertThat(line.get("programCount").asLong()).isEqualTo(1);
        assertThat(board.get(p).json().get("partners").size()).as("the board still sees both").isEqualTo(2);
    }

    @Test
    @Order(2)
    void thePartnerReadsOnlyTheHistoryEntriesOfItsCandidacyItsConcernsAndItsPrograms() {
        JsonNode history = partner.get(p + "/history").json();

        assertThat(types(history)).containsExactly("CandidateShortlisted", "DueDiligenceAssessed",
                "DueDiligenceAssessed", "DueDiligenceAssessed", "PartnerSelected", "ConcernRaised", "ProgramProposed");
        assertThat(history.get("total").asLong()).isEqualTo(7);
        assertThat(history.toString()).doesNotContain(rivalId, RIVAL_SECRET, "CostSharingAgreed", "Budget is tight");
        assertThat(partner.get(p + "/history?page=1&size=5").json().get("events").size()).isEqualTo(2);
        assertThat(partner.get(p + "/history?type=CostSharingAgreed").json().get("total").asLong()).isZero();

        assertThat(partner.get(p + "/cost-sharing").json().get("splits")).isEmpty();
        JsonNode pack = partner.get(p + "/governance-pack?period=" + PartnershipLife.quarterOf(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC))).json();
        assertThat(pack.get("costChanges")).isEmpty();
        assertThat(pack.get("approvals").findValuesAsText("type")).containsExactly("PartnerSelected");
        assertThat(pack.get("concernsRaised").size()).isEqualTo(1);
        assertThat(partner.get("/api/programs/" + programId).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theDeclinedCompetitorSeesItsCandidacyUntilTheDeclineAndNoProgram() {
        Http.Response response = rival.get(p);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode shown = response.json();

        assertThat(shown.get("partners").findValuesAsText("organizationId")).containsExactly("rival-academy");
        assertThat(shown.at("/partners/0/status").asText()).isEqualTo("DECLINED");
        assertThat(shown.at("/partners/0/departureReason").asText()).isEqualTo("Chose another provider");
        assertThat(shown.at("/partners/0/dueDiligence/EXPERTISE/notes").asText()).isEqualTo(RIVAL_SECRET);
        assertThat(shown.get("concerns").findValuesAsText("subject")).containsExactly("Rival pitches our staff");
        assertThat(shown.get("programs")).isEmpty();
        assertThat(shown.toString()).doesNotContain("demo-partner", "Demo's references");

        JsonNode history = rival.get(p + "/history").json();
        assertThat(types(history)).containsExactly("CandidateShortlisted", "DueDiligenceAssessed",
                "DueDiligenceAssessed", "DueDiligenceAssessed", "ConcernRaised", "CandidateDeclined");
        assertThat(history.toString()).as("raised after the decline").doesNotContain("Rival disputes the decision");
        assertThat(rival.get("/api/programs/" + programId).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void afterItsOffboardingThePartnerNoLongerSeesWhatIsRecordedLater() {
        long offboarded = ok(manager.postJson(p + "/candidates/" + partnerId + "/offboarding",
                "{\"reason\": \"Contract not renewed\"}"));
        created(manager.postJson("/api/programs/" + programId + "/modules",
                "{\"title\": \"Role plays\", \"clientSmes\": [\"Top seller\"], \"partnerDesigners\": [\"Designer\"]}"),
                "moduleId");
        created(manager.postJson(p + "/concerns", """
                {"raisedBy": "CLIENT", "subject": "Handover incomplete", "description": "d",
                 "organizationId": "demo-partner"}"""), "concernId");
        long latest = ok(manager.putJson(p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 200000, "reason": "Budget cut",
                 "shares": [{"businessUnit": "Sales", "percent": 100}]}"""));
        board.await(p + "?minVersion=" + latest, r -> r.status() == 200, Duration.ofSeconds(10));
        board.await("/api/programs/" + programId, r -> r.json().at("/curriculum/modules").size() == 2,
                Duration.ofSeconds(10));
        board.await(p + "/history", r -> types(r.json()).contains("ModuleCoCreated")
                && r.json().get("total").asLong() == latest + 3, Duration.ofSeconds(10));

        JsonNode shown = partner.get(p).json();
        assertThat(shown.get("version").asLong()).as("as it was at the offboarding").isEqualTo(offboarded);
        assertThat(shown.at("/partners/0/status").asText()).isEqualTo("OFFBOARDED");
        assertThat(shown.at("/partners/0/departureReason").asText()).isEqualTo("Contract not renewed");
        assertThat(shown.get("concerns").findValuesAsText("subject")).containsExactly("Late SME reviews");
        assertThat(partner.get("/api/programs/" + programId).json().at("/curriculum/modules").size())
                .as("the module co-created later").isEqualTo(1);

        JsonNode history = partner.get(p + "/history").json();
        List<String> types = types(history);
        assertThat(types.get(types.size() - 1)).isEqualTo("PartnerOffboarded");
        assertThat(types).doesNotContain("ModuleCoCreated", "CostSharingAgreed");
        assertThat(history.toString()).doesNotContain("Handover incomplete");

        Http.Response concern = ledger.commands("partner").postJson(p + "/concerns",
                "{\"raisedBy\": \"PARTNER\", \"subject\": \"Unpaid invoice\", \"description\": \"d\"}");
        assertThat(concern.status()).isEqualTo(409);
        assertThat(concern.json().get("code").asText()).isEqualTo("PARTNER_ACCESS_ENDED");
    }

    @Test
    @Order(5)
    void declinesAndOffboardingsLeaveTheLedgerAsCloudEventsWithTheirSchemas() {
        JsonNode types = board.get("/api/schemas").json().get("types");
        assertThat(types.findValuesAsText("type")).contains("ledger.partnership.candidate-declined.v1",
                "ledger.partnership.partner-offboarded.v1");
        JsonNode schema = board.get("/api/schemas/ledger.partnership.partner-offboarded.v1").json();
        assertThat(schema.at("/properties/reason/type").asText()).isEqualTo("string");
        assertThat(board.get(p + "/history?type=CandidateDeclined").json().at("/events/0/summary").asText())
                .isEqualTo("Candidate rival-academy declined: Chose another provider");
    }

    /** The type of each entry (not of what its payload holds, such as an evidence reference's type). */
    static List<String> types(JsonNode history) {
        List<String> types = new java.util.ArrayList<>();
        history.get("events").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static String created(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static long created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("version").asLong();
    }

    private static long ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("version").asLong();
    }
}
