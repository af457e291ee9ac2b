package org.partnershipledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production authentication end to end: an OIDC issuer (a stand-in on loopback publishing its configuration and
 * keys) signs tokens; the service accepts them with the roles and name from their claims, and refuses the rest.
 */
class OidcTest {

    static final String AUDIENCE = "partnership-ledger";

    static HttpServer issuer;
    static RSAKey key;
    static String issuerUrl;
    static ConfigurableApplicationContext service;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realm";
        serve("/realm/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s/keys", "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuerUrl, issuerUrl));
        serve("/realm/keys", new JWKSet(key.toPublicJWK()).toString());
        issuer.start();
        service = new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(new LedgerTestDatabase())
                .properties("ledger.schema=platform_test", "server.port=0")
                .run("--ledger.security.oidc.issuer=" + issuerUrl, "--ledger.security.oidc.audience=" + AUDIENCE);
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        service.close();
        issuer.stop(0);
    }

    static void serve(String path, String json) {
        issuer.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    static String token(RSAKey signingKey, List<String> roles) throws Exception {
        return token(signingKey, claims -> claims.claim("roles", roles));
    }

    /** A token for the ledger's audience, valid for 5 minutes, with the ADMIN role, changed as the test needs. */
    static String token(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuerUrl).subject("u-42").audience(AUDIENCE)
                .claim("preferred_username", "olga").claim("roles", List.of("ADMIN"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenFromTheIssuerWithTheRightRoleIsAccepted() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, List.of("ADMIN"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithAnotherRoleIs403() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, List.of("BOARD"))).statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenIs401AskingForABearerToken() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(get("/actuator/prometheus", token(stranger, List.of("ADMIN"))).statusCode()).isEqualTo(401);
    }

    @Test
    void basicCredentialsAreNotAcceptedOnceOidcIsOn() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8))).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401ProblemJson() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus",
                token(key, claims -> claims.audience(List.of("some-other-app"))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void aTokenWithoutAnAudienceIs401AndOneNamingTheLedgerAmongOthersIsAccepted() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.audience((String) null))).statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.audience(List.of("portal", AUDIENCE))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAcceptedAndBeyondItIs401() throws Exception {
        // issued ten minutes ago: a token's exp is after its iat
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.issueTime(secondsFromNow(-600))
                .expirationTime(secondsFromNow(-30)))).statusCode()).as("30 s past exp, within the default 60 s")
                .isEqualTo(200);
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.issueTime(secondsFromNow(-600))
                .expirationTime(secondsFromNow(-90)))).statusCode()).as("90 s past exp").isEqualTo(401);
    }

    @Test
    void aTokenNotValidYetBeyondTheClockSkewIs401() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.notBeforeTime(secondsFromNow(30))))
                .statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.notBeforeTime(secondsFromNow(120))))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenThatNeverExpiresIs401() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.expirationTime(null))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        assertThat(get("/actuator/prometheus", token(key, claims -> claims.issuer("https://elsewhere.example")))
                .statusCode()).isEqualTo(401);
    }

    static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }
}
