package org.partnershipledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages and the relay against a stub of both APIs: what a user sees follows from the APIs' answers, the
 * session's credential is what each call carries, and a refusal is shown in plain words next to its field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardPagesTest {

    static final String BOARD_BASIC = "Basic Ym9hcmQ6Ym9hcmQtZGVtbw=="; // board:board-demo
    static final StubLedger ledger = StubLedger.started();

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        ledger.serveBothApis(registry);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        ledger.requests.clear();
    }

    static RequestPostProcessor as(String name, String role) {
        SignedIn user = new SignedIn(name, List.of(role), null, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((name + ":" + name + "-demo").getBytes()));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @Test
    void signingInAsksTheLedgerWhoTheUserIsAndKeepsNothingInTheBrowserButTheSession() throws Exception {
        ledger.answer("GET /api/me", 200, "{\"name\": \"board\", \"roles\": [\"BOARD\"]}");
        var result = mvc.perform(post("/login").param("username", "board").param("password", "board-demo").with(csrf()))
                .andExpect(redirectedUrl("/partnerships")).andReturn();
        assertThat(ledger.last("GET", "/api/me").header("Authorization")).isEqualTo(BOARD_BASIC);
        assertThat(result.getResponse().getCookies()).allSatisfy(c -> assertThat(c.getValue()).doesNotContain("Ym9hcmQ"));
        SignedIn user = (SignedIn) ((org.springframework.security.core.context.SecurityContext) result.getRequest()
                .getSession().getAttribute("SPRING_SECURITY_CONTEXT")).getAuthentication().getPrincipal();
        assertThat(user.roles()).containsExactly("BOARD");
        assertThat(user.toString()).doesNotContain("Basic");
    }

    @Test
    void aWrongPasswordIsRefusedByTheLedgerAndNoSessionIsMade() throws Exception {
        ledger.answer("GET /api/me", 401, "{\"code\": \"UNAUTHENTICATED\"}");
        mvc.perform(post("/login").param("username", "board").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anOutageOfTheLedgerIs503WithRetryAfterNotAnError() throws Exception {
        ledger.answer("GET /api/partnerships", 503, "{\"code\": \"STORE_UNAVAILABLE\", \"detail\": \"down\"}");
        mvc.perform(get("/partnerships").with(as("board", "BOARD"))).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("The ledger is not answering")));
    }

    @Test
    void withoutASessionEveryPageAsksToSignIn() throws Exception {
        mvc.perform(get("/partnerships")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void theListRelaysTheSessionsCredentialAndTheFilters() throws Exception {
        ledger.answer("GET /api/partnerships", 200, """
                {"items": [{"partnershipId": "p-1", "name": "Field sales academy", "client": "Acme", "stage": "DELIVERY",
                            "partners": [], "programCount": 1, "lastChange": "2026-09-30T12:00:00Z"}],
                 "page": 0, "size": 25, "total": 1}""");
        mvc.perform(get("/partnerships").param("q", "field").param("stage", "DELIVERY").with(as("board", "BOARD")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Field sales academy")))
                .andExpect(content().string(Matchers.containsString("<time datetime=\"2026-09-30T12:00:00Z\"")));
        StubLedger.Request call = ledger.last("GET", "/api/partnerships");
        assertThat(call.header("Authorization")).isEqualTo(BOARD_BASIC);
        assertThat(call.pathAndQuery()).contains("q=field", "stage=DELIVERY");
    }

    @Test
    void aPartnershipTheApiDoesNotShowIsNotFoundHereEither() throws Exception {
        mvc.perform(get("/partnerships/p-other").with(as("partner", "PARTNER")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("There is nothing here you can see")));
    }

    @Test
    void aRefusedPivotShowsTheProblemNextToTheReasonAndSendsThePagesVersion() throws Exception {
        ledger.answer("POST /api/programs/g-1/pivots", 400, """
                {"code": "REASON_REQUIRED", "status": 400, "detail": "A pivot needs a reason"}""");
        stubProgram();
        mvc.perform(post("/programs/g-1/pivots").param("version", "7").param("approvedBy", "CLO")
                        .param("addModules", "Negotiation").param("reason", " ").header("HX-Request", "true")
                        .with(as("manager", "MANAGER")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"pivot-reason-error\"")))
                .andExpect(content().string(Matchers.containsString("A pivot needs a reason")))
                .andExpect(content().string(Matchers.containsString("Negotiation")));
        StubLedger.Request sent = ledger.last("POST", "/api/programs/g-1/pivots");
        assertThat(sent.header("If-Match")).isEqualTo("\"7\"");
        assertThat(sent.header("Idempotency-Key")).isNotBlank();
        assertThat(sent.body()).contains("\"reason\":null", "\"addModules\":[\"Negotiation\"]");
    }

    @Test
    void aStalePageIsExplainedNotOverwritten() throws Exception {
        ledger.answer("POST /api/programs/g-1/pivots", 412, """
                {"code": "VERSION_MISMATCH", "status": 412,
                 "detail": "If-Match named version 7 but it is at version 9; read it again and retry"}""");
        stubProgram();
        mvc.perform(post("/programs/g-1/pivots").param("version", "7").param("reason", "Because")
                        .header("HX-Request", "true").with(as("manager", "MANAGER")).with(csrf()))
                .andExpect(content().string(Matchers.containsString(
                        "Someone else changed this program since you opened it (now version 9). Reload to see their change; "
                                + "nothing was recorded.")))
                .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"7\"")));
    }

    @Test
    void aRecordedPivotTakesTheManagerBackToTheProgramAtItsNewVersion() throws Exception {
        ledger.answer("POST /api/programs/g-1/pivots", 200, "{\"version\": 8}");
        mvc.perform(post("/programs/g-1/pivots").param("version", "7").param("reason", "Because")
                        .header("HX-Request", "true").with(as("manager", "MANAGER")).with(csrf()))
                .andExpect(header().string("HX-Redirect", "/programs/g-1?recorded=pivot&minVersion=8"));
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/programs/g-1/pivots").param("reason", "x").with(as("manager", "MANAGER")))
                .andExpect(status().isForbidden());
        assertThat(ledger.requests).isEmpty();
    }

    @Test
    void theScorecardShowsPercentOfTargetATrendAndWithdrawnRecordsStruckThroughWithTheirReason() throws Exception {
        stubProgram();
        mvc.perform(get("/programs/g-1").with(as("board", "BOARD")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("70 % of target")))
                .andExpect(content().string(Matchers.containsString("<del class=\"withdrawn\">99 days")))
                .andExpect(content().string(Matchers.containsString("Wrong cohort")));
    }

    @Test
    void timeTravelAsksTheApiForThePastAndSaysSo() throws Exception {
        stubProgram();
        mvc.perform(get("/programs/g-1").param("asOf", "2026-09-01T10:00:00Z").with(as("board", "BOARD")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("You are looking at the past")));
        assertThat(ledger.last("GET", "/api/programs/g-1?").pathAndQuery()).contains("asOf=2026-09-01T10%3A00%3A00Z");
    }

    private static void stubProgram() {
        ledger.answer("GET /api/programs/g-1", 200, """
                {"programId": "g-1", "partnershipId": "p-1", "title": "Consultative selling", "status": "APPROVED",
                 "version": 7, "curriculum": {"version": 2, "modules": [{"moduleId": "m-1", "title": "Discovery"}]},
                 "kpiTargets": ["ttq"], "localizations": [], "cohorts": [], "impactSummary": [{"kpiId": "ttq",
                  "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90, "percentOfTarget": 70,
                  "levels": [{"level": 4, "records": [
                   {"value": 104, "unit": "days", "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "BI",
                    "recordedAt": "2026-08-31T10:00:00Z", "withdrawn": false},
                   {"value": 99, "unit": "days", "periodStart": "2026-07-01", "periodEnd": "2026-09-30", "source": "BI",
                    "recordedAt": "2026-09-30T10:00:00Z", "withdrawn": true, "withdrawalReason": "Wrong cohort"}]}]}]}""");
        ledger.answer("GET /api/programs/g-1/curriculum", 200, """
                {"programId": "g-1", "currentVersion": 2, "versions": []}""");
        ledger.answer("GET /api/programs/g-1/impact", 200, """
                {"programId": "g-1", "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days",
                  "baseline": 120, "target": 90, "percentOfTarget": 70, "levels": [{"level": 4, "records": [
                   {"value": 104, "unit": "days", "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "BI",
                    "recordedAt": "2026-08-31T10:00:00Z", "withdrawn": false},
                   {"value": 99, "unit": "days", "periodStart": "2026-07-01", "periodEnd": "2026-09-30", "source": "BI",
                    "recordedAt": "2026-09-30T10:00:00Z", "withdrawn": false}]}]}]}""");
        ledger.answer("GET /api/partnerships/p-1", 200, """
                {"partnershipId": "p-1", "governanceCharter": {"steeringMembers": ["CLO"]}}""");
    }
}
