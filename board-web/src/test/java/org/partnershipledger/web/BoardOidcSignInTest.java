package org.partnershipledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.web.signin.LedgerOidcUser;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in at an OIDC provider (a stand-in on loopback) with both APIs stubbed: the form is not offered, the user's
 * access token is what each API call carries, a token the API refuses sends the user to sign in again, and the
 * authorization code flow works end to end without a secret or a token reaching the browser.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardOidcSignInTest {

    static final String SECRET = "client-secret-never-in-the-browser";
    static final StubLedger ledger;
    static final StubIssuer issuer;

    static {
        try {
            ledger = new StubLedger();
            issuer = new StubIssuer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        registry.add("ledger.web.query-url", ledger::url);
        registry.add("ledger.web.command-url", ledger::url);
        registry.add("ledger.web.oidc.issuer", issuer::url);
        registry.add("ledger.web.oidc.client-id", () -> "board-web");
        registry.add("ledger.web.oidc.client-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        ledger.close();
        issuer.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        ledger.requests.clear();
        issuer.tokenRequests.clear();
        issuer.expiresIn = 300;
        issuer.refreshes = false;
        issuer.refreshAllowed = true;
    }

    /** The authorization code flow, as a browser goes through it: this application's session, signed in. */
    private MockHttpSession signInAtTheProvider() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String authorize = mvc.perform(get("/oauth2/authorization/ledger").session(session)).andReturn()
                .getResponse().getRedirectedUrl();
        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.discarding());
        mvc.perform(get(URI.create(back.headers().firstValue("Location").orElseThrow())).session(session));
        return session;
    }

    /** A manager signed in at the provider, whose session holds this access token (null: none). */
    private RequestPostProcessor managerWithToken(MockHttpSession session, OAuth2AccessToken accessToken) {
        ClientRegistration registration = registrations.findByRegistrationId("ledger");
        LedgerOidcUser user = new LedgerOidcUser(List.of(new SimpleGrantedAuthority("ROLE_MANAGER")),
                OidcIdToken.withTokenValue("id-token").subject("user-1").issuer(issuer.url())
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build(), null,
                new SignedIn("manager", List.of("MANAGER"), null, null));
        RequestPostProcessor signedIn = authentication(new OAuth2AuthenticationToken(user, user.getAuthorities(),
                "ledger"));
        if (accessToken == null) {
            return signedIn;
        }
        // the session's authorized client, as spring-security-test keeps it for the request
        RequestPostProcessor client = oauth2Client("ledger").clientRegistration(registration)
                .principalName("manager").accessToken(accessToken);
        return request -> client.postProcessRequest(signedIn.postProcessRequest(request));
    }

    private static OAuth2AccessToken token(String value, Instant expiresAt) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, expiresAt.minusSeconds(600), expiresAt);
    }

    @Test
    void theSignInFormIsNotOfferedOnlyTheProvidersSignIn() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/oauth2/authorization/ledger\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"password\""))));
        mvc.perform(post("/login").param("username", "manager").param("password", "manager-demo").with(csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(ledger.requests).isEmpty();
        mvc.perform(get("/partnerships")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void theUsersAccessTokenIsRelayedAsBearerToBothApis() throws Exception {
        MockHttpSession session = new MockHttpSession();
        RequestPostProcessor manager = managerWithToken(session, token("token-of-manager",
                Instant.now().plusSeconds(300)));
        ledger.answer("GET /api/partnerships", 200, "{\"items\": [], \"page\": 0, \"size\": 25, \"total\": 0}");
        mvc.perform(get("/partnerships").session(session).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("token-of-manager"))));
        assertThat(ledger.last("GET", "/api/partnerships").header("Authorization"))
                .isEqualTo("Bearer token-of-manager");

        ledger.answer("POST /api/programs/g-1/pivots", 200, "{\"version\": 8}");
        mvc.perform(post("/programs/g-1/pivots").param("version", "7").param("reason", "Because")
                        .header("HX-Request", "true").session(session).with(manager).with(csrf()))
                .andExpect(header().string("HX-Redirect", "/programs/g-1?recorded=pivot&minVersion=8"));
        assertThat(ledger.last("POST", "/api/programs/g-1/pivots").header("Authorization"))
                .isEqualTo("Bearer token-of-manager");
    }

    @Test
    void aTokenTheApiNoLongerAcceptsSendsTheUserToSignInAgainNotToAnError() throws Exception {
        MockHttpSession session = new MockHttpSession();
        // expired, and no refresh token: it is relayed as it is, and the API refuses it
        RequestPostProcessor manager = managerWithToken(session, token("expired-token",
                Instant.now().minusSeconds(120)));
        ledger.answer("GET /api/partnerships", 401, "{\"code\": \"UNAUTHENTICATED\", \"status\": 401}");
        mvc.perform(get("/partnerships").session(session).with(manager))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(ledger.last("GET", "/api/partnerships").header("Authorization")).isEqualTo("Bearer expired-token");
        assertThat(session.isInvalid()).isTrue();

        MockHttpSession htmxSession = new MockHttpSession();
        RequestPostProcessor htmxManager = managerWithToken(htmxSession, token("expired-token",
                Instant.now().minusSeconds(120)));
        mvc.perform(get("/partnerships").header("HX-Request", "true").session(htmxSession).with(htmxManager))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    @Test
    void aSessionWithoutATokenSignsInAgainWithoutCallingTheApis() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/partnerships").session(session).with(managerWithToken(session, null)))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(ledger.requests).isEmpty();
    }

    @Test
    void everyWriteStillNeedsTheCsrfToken() throws Exception {
        MockHttpSession session = new MockHttpSession();
        RequestPostProcessor manager = managerWithToken(session, token("token-of-manager",
                Instant.now().plusSeconds(300)));
        mvc.perform(post("/programs/g-1/pivots").param("reason", "x").session(session).with(manager))
                .andExpect(status().isForbidden());
        mvc.perform(post("/partnerships/p-1/concerns").param("subject", "x").session(session).with(manager))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).with(manager)).andExpect(status().isForbidden());
        assertThat(ledger.requests).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndSignsOutAtTheProvider() throws Exception {
        MockHttpSession session = new MockHttpSession();
        RequestPostProcessor manager = managerWithToken(session, token("token-of-manager",
                Instant.now().plusSeconds(300)));
        MvcResult out = mvc.perform(post("/logout").session(session).with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(out.getResponse().getRedirectedUrl()).startsWith(issuer.url() + "/logout?")
                .contains("id_token_hint=id-token", "post_logout_redirect_uri=", "signedOut");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void theAuthorizationCodeFlowSignsTheUserInAndTheLedgerSaysWhoTheyAre() throws Exception {
        ledger.answer("GET /api/me", 200, "{\"name\": \"manager\", \"roles\": [\"MANAGER\"]}");
        ledger.answer("GET /api/partnerships", 200, "{\"items\": [], \"page\": 0, \"size\": 25, \"total\": 0}");
        issuer.accessToken = "access-token-from-the-code";
        MockHttpSession session = new MockHttpSession();

        // 1. the browser is sent to the provider, with no secret in the address
        MvcResult start = mvc.perform(get("/oauth2/authorization/ledger").session(session))
                .andExpect(status().is3xxRedirection()).andReturn();
        String authorize = start.getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(issuer.url() + "/authorize?").contains("client_id=board-web",
                "code_challenge=", "nonce=").doesNotContain(SECRET);

        // 2. the provider signs the user in and sends the browser back with a code
        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.discarding());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/ledger");

        // 3. this application exchanges the code (with its secret, server to server) and asks the ledger who it is
        MvcResult signedIn = mvc.perform(get(callback).session(session))
                .andExpect(redirectedUrl("/partnerships")).andReturn();
        assertThat(issuer.tokenRequests).hasSize(1);
        StubIssuer.TokenRequest exchange = issuer.tokenRequests.get(0);
        assertThat(exchange.authorization()).startsWith("Basic ");
        assertThat(exchange.form()).containsKey("code_verifier");
        assertThat(ledger.last("GET", "/api/me").header("Authorization")).isEqualTo("Bearer access-token-from-the-code");
        assertThat(signedIn.getResponse().getCookies()).allSatisfy(c -> assertThat(c.getValue())
                .doesNotContain("access-token").doesNotContain(SECRET));

        // 4. every page is read with the user's token
        mvc.perform(get("/partnerships").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("manager")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("access-token-from-the-code"))));
        assertThat(ledger.last("GET", "/api/partnerships").header("Authorization"))
                .isEqualTo("Bearer access-token-from-the-code");
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeItIsRelayed() throws Exception {
        ledger.answer("GET /api/me", 200, "{\"name\": \"manager\", \"roles\": [\"MANAGER\"]}");
        ledger.answer("GET /api/partnerships", 200, "{\"items\": [], \"page\": 0, \"size\": 25, \"total\": 0}");
        issuer.accessToken = "short-lived-token";
        issuer.expiresIn = 30; // within the minute of clock skew Spring allows: already due for a refresh
        issuer.refreshes = true;
        MockHttpSession session = signInAtTheProvider();
        assertThat(ledger.last("GET", "/api/me").header("Authorization")).isEqualTo("Bearer short-lived-token");

        mvc.perform(get("/partnerships").session(session)).andExpect(status().isOk());
        assertThat(issuer.tokenRequests).extracting(r -> r.form().get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(ledger.last("GET", "/api/partnerships").header("Authorization")).startsWith("Bearer refreshed-token-");
    }

    @Test
    void aRefreshTheProviderRefusesSendsTheUserToSignInAgain() throws Exception {
        ledger.answer("GET /api/me", 200, "{\"name\": \"manager\", \"roles\": [\"MANAGER\"]}");
        issuer.expiresIn = 30;
        issuer.refreshes = true;
        MockHttpSession session = signInAtTheProvider();
        issuer.refreshAllowed = false;
        ledger.requests.clear();
        mvc.perform(get("/partnerships").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(ledger.requests).isEmpty();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anAccountTheLedgerDoesNotKnowGetsNoSession() throws Exception {
        ledger.answer("GET /api/me", 401, "{\"code\": \"UNAUTHENTICATED\", \"status\": 401}");
        MockHttpSession session = new MockHttpSession();
        String authorize = mvc.perform(get("/oauth2/authorization/ledger").session(session)).andReturn()
                .getResponse().getRedirectedUrl();
        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.discarding());
        mvc.perform(get(URI.create(back.headers().firstValue("Location").orElseThrow())).session(session))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error").session(session))
                .andExpect(content().string(Matchers.containsString("the ledger does not accept your account")));
        mvc.perform(get("/partnerships").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }
}
