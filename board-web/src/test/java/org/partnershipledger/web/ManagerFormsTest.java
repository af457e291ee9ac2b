package org.partnershipledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The managers' other forms (record an impact, hold a business review, raise and resolve a concern) against a stub
 * of both APIs: what is sent, a refusal shown next to its field with what was typed kept, and a stale page
 * explained.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ManagerFormsTest {

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
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        ledger.requests.clear();
        ledger.answer("GET /api/programs/g-1", 200, """
                {"programId": "g-1", "partnershipId": "p-1", "title": "Consultative selling", "status": "APPROVED",
                 "version": 7, "curriculum": {"version": 2, "modules": [{"moduleId": "m-1", "title": "Discovery"}]},
                 "kpiTargets": ["ttq", "nps"], "localizations": [], "cohorts": [], "impactSummary": []}""");
        ledger.answer("GET /api/programs/g-1/curriculum", 200, "{\"programId\": \"g-1\", \"currentVersion\": 2, \"versions\": []}");
        ledger.answer("GET /api/programs/g-1/impact", 200, "{\"programId\": \"g-1\", \"kpis\": []}");
        ledger.answer("GET /api/partnerships/p-1", 200, """
                {"partnershipId": "p-1", "name": "Field sales academy", "stage": "DELIVERY", "version": 5,
                 "governanceCharter": {"steeringMembers": ["CLO"]}, "businessReviews": [], "partners": [],
                 "concerns": [{"concernId": "c-1", "subject": "Trainer no-shows", "description": "Twice in May",
                               "status": "OPEN", "raisedBy": "CLIENT"}], "programs": []}""");
        ledger.answer("GET /api/partnerships/p-1/history", 200, "{\"total\": 0, \"events\": []}");
    }

    static RequestPostProcessor manager() {
        SignedIn user = new SignedIn("manager", List.of("MANAGER"), null, "Basic bWFuYWdlcjptYW5hZ2VyLWRlbW8=");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_MANAGER"))));
    }

    private static MockHttpServletRequestBuilder form(String path, String... fieldsAndValues) {
        MockHttpServletRequestBuilder request = post(path).header("HX-Request", "true").with(manager()).with(csrf());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            request.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return request;
    }

    private Map<String, Object> sentBody(StubLedger.Request sent) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(sent.body(), Map.class);
        return body;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Matcher<String> has(String text) {
        return Matchers.containsString(text);
    }

    private static void freshKey(StubLedger.Request sent) {
        assertThat(UUID.fromString(sent.header("Idempotency-Key"))).isNotNull();
        assertThat(sent.header("X-Request-Id")).isEqualTo("board-web-" + sent.header("Idempotency-Key"));
        assertThat(sent.header("Authorization")).isEqualTo("Basic bWFuYWdlcjptYW5hZ2VyLWRlbW8=");
    }

    // ---- record an impact

    static final String[] IMPACT = {"kpiId", "ttq", "level", "4", "value", "104.5", "unit", "days",
            "periodStart", "2026-07-01", "periodEnd", "2026-09-30", "source", "BI", "reason", ""};

    @Test
    void anImpactIsSentAsJsonWithNumbersAndAFreshKeyEachTime() throws Exception {
        ledger.answer("POST /api/programs/g-1/impact", 201, "{\"impactId\": \"i-1\", \"version\": 8}");
        mvc.perform(form("/programs/g-1/impact", IMPACT))
                .andExpect(header().string("HX-Redirect", "/programs/g-1?recorded=impact&minVersion=8"));
        StubLedger.Request first = ledger.last("POST", "/api/programs/g-1/impact");
        assertThat(sentBody(first)).isEqualTo(map("level", 4, "kpiId", "ttq", "value", 104.5, "unit", "days",
                "periodStart", "2026-07-01", "periodEnd", "2026-09-30", "source", "BI", "region", null,
                "cohortId", null, "reason", null));
        // an impact record adds to the program without changing what the manager saw: no version to match
        assertThat(first.header("If-Match")).isNull();
        freshKey(first);

        mvc.perform(form("/programs/g-1/impact", IMPACT));
        StubLedger.Request second = ledger.last("POST", "/api/programs/g-1/impact");
        assertThat(second.header("Idempotency-Key")).isNotEqualTo(first.header("Idempotency-Key"));
    }

    @Test
    void aRefusedImpactShowsEachFieldsErrorNextToItAndKeepsWhatWasTyped() throws Exception {
        ledger.answer("POST /api/programs/g-1/impact", 400, """
                {"code": "VALIDATION_FAILED", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "unit", "message": "must not be blank"}]}""");
        String[] noUnit = IMPACT.clone();
        noUnit[7] = " ";
        mvc.perform(form("/programs/g-1/impact", noUnit))
                .andExpect(status().isOk())
                .andExpect(content().string(has("id=\"impact-unit-error\">must not be blank</span>")))
                .andExpect(content().string(has("id=\"impact-value\" name=\"value\" inputmode=\"decimal\" value=\"104.5\"")))
                .andExpect(content().string(has("<option value=\"ttq\" selected=\"selected\">")))
                .andExpect(content().string(has("value=\"2026-09-30\"")));

        ledger.answer("POST /api/programs/g-1/impact", 409, """
                {"code": "PERIOD_IN_FUTURE", "status": 409, "detail": "The period ends after today"}""");
        mvc.perform(form("/programs/g-1/impact", IMPACT))
                .andExpect(content().string(has("id=\"impact-end-error\">The period ends after today</span>")));
    }

    @Test
    void anImpactThatLostARaceIsExplained() throws Exception {
        ledger.answer("POST /api/programs/g-1/impact", 409, """
                {"code": "CONCURRENT_MODIFICATION", "status": 409,
                 "detail": "Another change to it was recorded at the same time; it is at version 9"}""");
        mvc.perform(form("/programs/g-1/impact", IMPACT))
                .andExpect(content().string(has("id=\"impact-stale\">Someone else changed this program since you "
                        + "opened it (now version 9). Reload to see their change; nothing was recorded.</p>")))
                .andExpect(content().string(has("value=\"104.5\"")));
    }

    // ---- hold a business review

    @Test
    void thePartnershipPageCarriesItsVersionIntoTheReviewForm() throws Exception {
        mvc.perform(get("/partnerships/p-1").with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*id=\"review-form\".*name=\"version\" value=\"5\".*id=\"concern-form\".*")));
    }

    @Test
    void aReviewIsSentWithThePagesVersionAndOneAttendeeALine() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/business-reviews", 200, "{\"version\": 6}");
        mvc.perform(form("/partnerships/p-1/business-reviews", "version", "5", "period", "2026-Q3",
                        "attendees", "CLO\r\n  Partner lead \r\n\r\n", "decisions", "Add a negotiation module"))
                .andExpect(header().string("HX-Redirect", "/partnerships/p-1?recorded=review&minVersion=6"));
        StubLedger.Request sent = ledger.last("POST", "/api/partnerships/p-1/business-reviews");
        assertThat(sentBody(sent)).isEqualTo(map("period", "2026-Q3", "attendees", List.of("CLO", "Partner lead"),
                "decisions", List.of("Add a negotiation module"), "reason", null));
        assertThat(sent.header("If-Match")).isEqualTo("\"5\"");
        freshKey(sent);
        // the page read after it waits for the review to show
        mvc.perform(get("/partnerships/p-1").param("recorded", "review").param("minVersion", "6").with(manager()))
                .andExpect(status().isOk());
        assertThat(ledger.last("GET", "/api/partnerships/p-1?").pathAndQuery()).contains("minVersion=6");
    }

    @Test
    void aRefusedReviewShowsTheErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/business-reviews", 400, """
                {"code": "VALIDATION_FAILED", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "attendees", "message": "must not be empty"}]}""");
        mvc.perform(form("/partnerships/p-1/business-reviews", "version", "5", "period", "2026-Q3",
                        "attendees", "", "decisions", "Add a negotiation module"))
                .andExpect(status().isOk())
                .andExpect(content().string(has("id=\"review-attendees-error\">must not be empty</span>")))
                .andExpect(content().string(has("id=\"review-period\" name=\"period\" value=\"2026-Q3\"")))
                .andExpect(content().string(has("Add a negotiation module</textarea>")))
                .andExpect(content().string(has("name=\"version\" value=\"5\"")));

        ledger.answer("POST /api/partnerships/p-1/business-reviews", 409, """
                {"code": "REVIEW_ALREADY_HELD", "status": 409, "detail": "A review for 2026-Q3 was already held"}""");
        mvc.perform(form("/partnerships/p-1/business-reviews", "version", "5", "period", "2026-Q3", "attendees", "CLO"))
                .andExpect(content().string(has("id=\"review-period-error\">A review for 2026-Q3 was already held</span>")));
    }

    @Test
    void aReviewOnAStalePageIsExplainedWithAndWithoutScripts() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/business-reviews", 412, """
                {"code": "VERSION_MISMATCH", "status": 412,
                 "detail": "If-Match named version 5 but it is at version 9; read it again and retry"}""");
        String explained = "Someone else changed this partnership since you opened it (now version 9). Reload to see "
                + "their change; nothing was recorded.";
        mvc.perform(form("/partnerships/p-1/business-reviews", "version", "5", "period", "2026-Q3", "attendees", "CLO"))
                .andExpect(content().string(has("id=\"review-stale\">" + explained)));
        // a browser without scripts gets the whole page, with the form in it
        mvc.perform(post("/partnerships/p-1/business-reviews").param("version", "5").param("period", "2026-Q3")
                        .param("attendees", "CLO").with(manager()).with(csrf()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().string(has("<h1>Nothing was recorded</h1>")))
                .andExpect(content().string(has(explained)))
                .andExpect(content().string(has("name=\"version\" value=\"5\"")));
    }

    // ---- raise a concern

    @Test
    void aConcernIsSentWithTheSideThatRaisedIt() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns", 201, "{\"concernId\": \"c-2\", \"version\": 6}");
        mvc.perform(form("/partnerships/p-1/concerns", "raisedBy", "PARTNER", "subject", "Late invoices",
                        "description", "Three invoices over 60 days"))
                .andExpect(header().string("HX-Redirect", "/partnerships/p-1?recorded=concern&minVersion=6"));
        StubLedger.Request sent = ledger.last("POST", "/api/partnerships/p-1/concerns");
        assertThat(sentBody(sent)).isEqualTo(map("raisedBy", "PARTNER", "subject", "Late invoices",
                "description", "Three invoices over 60 days", "organizationId", null));
        // raising a concern adds to the log without changing what the manager saw: no version to match
        assertThat(sent.header("If-Match")).isNull();
        freshKey(sent);
    }

    @Test
    void theConcernFormOffersTheSidesTheLedgerKnows() throws Exception {
        mvc.perform(get("/partnerships/p-1").with(manager()))
                .andExpect(content().string(has("<select id=\"concern-by\" name=\"raisedBy\">")))
                .andExpect(content().string(has("<option value=\"CLIENT\">the client</option>")))
                .andExpect(content().string(has("<option value=\"PARTNER\">the partner</option>")));
    }

    @Test
    void aRefusedConcernShowsTheErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns", 400, """
                {"code": "VALIDATION_FAILED", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "subject", "message": "must not be blank"}]}""");
        mvc.perform(form("/partnerships/p-1/concerns", "raisedBy", "PARTNER", "subject", "",
                        "description", "Three invoices over 60 days"))
                .andExpect(status().isOk())
                .andExpect(content().string(has("id=\"concern-subject-error\">must not be blank</span>")))
                .andExpect(content().string(has("Three invoices over 60 days</textarea>")))
                .andExpect(content().string(has("<option value=\"PARTNER\" selected=\"selected\">")));
    }

    @Test
    void aConcernThatLostARaceIsExplained() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns", 409, """
                {"code": "CONCURRENT_MODIFICATION", "status": 409, "detail": "Another change won; it is at version 9"}""");
        mvc.perform(form("/partnerships/p-1/concerns", "raisedBy", "CLIENT", "subject", "Late invoices",
                        "description", "Three invoices"))
                .andExpect(content().string(has("id=\"concern-stale\">Someone else changed this partnership since "
                        + "you opened it (now version 9).")))
                .andExpect(content().string(has("value=\"Late invoices\"")));
    }

    // ---- resolve a concern

    @Test
    void aResolutionIsSentForItsConcern() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns/c-1/resolution", 200, "{\"version\": 7}");
        mvc.perform(form("/partnerships/p-1/concerns/c-1/resolution", "resolution", "New trainer from June"))
                .andExpect(header().string("HX-Redirect", "/partnerships/p-1?recorded=resolution&minVersion=7"));
        StubLedger.Request sent = ledger.last("POST", "/api/partnerships/p-1/concerns/c-1/resolution");
        assertThat(sentBody(sent)).isEqualTo(map("resolution", "New trainer from June", "reason", null));
        assertThat(sent.header("If-Match")).isNull();
        freshKey(sent);
    }

    @Test
    void aRefusedResolutionShowsTheErrorNextToItsField() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns/c-1/resolution", 400, """
                {"code": "VALIDATION_FAILED", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "resolution", "message": "must not be blank"}]}""");
        mvc.perform(form("/partnerships/p-1/concerns/c-1/resolution", "resolution", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(has("id=\"resolve-c-1\"")))
                .andExpect(content().string(has("id=\"resolution-c-1-error\">must not be blank</span>")));

        ledger.answer("POST /api/partnerships/p-1/concerns/c-1/resolution", 409, """
                {"code": "CONCERN_ALREADY_RESOLVED", "status": 409, "detail": "The concern c-1 is already resolved"}""");
        mvc.perform(form("/partnerships/p-1/concerns/c-1/resolution", "resolution", "New trainer from June"))
                .andExpect(content().string(has("The concern c-1 is already resolved")))
                .andExpect(content().string(has("New trainer from June</textarea>")));
    }

    @Test
    void aResolutionThatLostARaceIsExplained() throws Exception {
        ledger.answer("POST /api/partnerships/p-1/concerns/c-1/resolution", 409, """
                {"code": "CONCURRENT_MODIFICATION", "status": 409, "detail": "Another change won; it is at version 9"}""");
        mvc.perform(form("/partnerships/p-1/concerns/c-1/resolution", "resolution", "New trainer from June"))
                .andExpect(content().string(has("id=\"resolution-c-1-stale\">Someone else changed this partnership")))
                .andExpect(content().string(has("New trainer from June</textarea>")));
    }

    @Test
    void noFormIsSentWithoutTheCsrfToken() throws Exception {
        for (String path : Arrays.asList("/programs/g-1/impact", "/partnerships/p-1/business-reviews",
                "/partnerships/p-1/concerns", "/partnerships/p-1/concerns/c-1/resolution")) {
            mvc.perform(post(path).param("reason", "x").with(manager())).andExpect(status().isForbidden());
        }
        assertThat(ledger.requests).isEmpty();
    }
}
