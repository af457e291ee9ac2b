package org.partnershipledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Which tokens pass: the audience and the bounded clock skew on their own, with a fixed clock, and the keys taken
 * from a JWK set URI (a stand-in on loopback) instead of the issuer's discovery document.
 */
class OidcTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static HttpServer keys;
    static RSAKey key;
    static String jwkSetUri;

    @BeforeAll
    static void serveTheKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keys.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        jwkSetUri = "http://127.0.0.1:" + keys.getAddress().getPort() + "/keys";
    }

    @AfterAll
    static void stop() {
        keys.stop(0);
    }

    static LedgerSecurityProperties.Oidc oidc(String issuer, List<String> audience, String jwkSetUri,
                                              Duration skew) {
        return new LedgerSecurityProperties.Oidc(issuer, null, null, null, audience, jwkSetUri, skew);
    }

    static Jwt jwt(List<String> audience, Instant expires, Instant notBefore) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").issuedAt(NOW.minusSeconds(600));
        if (audience != null) {
            jwt.audience(audience);
        }
        if (expires != null) {
            jwt.expiresAt(expires);
        }
        if (notBefore != null) {
            jwt.notBefore(notBefore);
        }
        return jwt.build();
    }

    static boolean valid(LedgerSecurityProperties.Oidc oidc, Jwt jwt) {
        return !OidcTokens.validator(oidc, CLOCK).validate(jwt).hasErrors();
    }

    @Test
    void aTokenMustNameOneOfTheConfiguredAudiences() {
        var oidc = oidc("", List.of("ledger", "ledger-cli"), jwkSetUri, null);
        Instant later = NOW.plusSeconds(60);

        assertThat(valid(oidc, jwt(List.of("ledger-cli"), later, null))).isTrue();
        assertThat(valid(oidc, jwt(List.of("portal", "ledger"), later, null))).isTrue();
        assertThat(valid(oidc, jwt(List.of("portal"), later, null))).isFalse();
        assertThat(valid(oidc, jwt(null, later, null))).isFalse();
    }

    @Test
    void expiryAndNotBeforeAreCheckedGiveOrTakeTheConfiguredSkew() {
        var tenSeconds = oidc("", List.of("ledger"), jwkSetUri, Duration.ofSeconds(10));
        var defaultSkew = oidc("", List.of("ledger"), jwkSetUri, null);
        assertThat(defaultSkew.clockSkew()).isEqualTo(Duration.ofSeconds(60));

        assertThat(valid(tenSeconds, jwt(List.of("ledger"), NOW.minusSeconds(5), null))).isTrue();
        assertThat(valid(tenSeconds, jwt(List.of("ledger"), NOW.minusSeconds(20), null))).isFalse();
        assertThat(valid(defaultSkew, jwt(List.of("ledger"), NOW.minusSeconds(20), null))).isTrue();
        assertThat(valid(defaultSkew, jwt(List.of("ledger"), NOW.minusSeconds(61), null))).isFalse();
        assertThat(valid(tenSeconds, jwt(List.of("ledger"), NOW.plusSeconds(60), NOW.plusSeconds(5)))).isTrue();
        assertThat(valid(tenSeconds, jwt(List.of("ledger"), NOW.plusSeconds(60), NOW.plusSeconds(20)))).isFalse();
        assertThat(valid(defaultSkew, jwt(List.of("ledger"), null, null))).as("no exp: it would never expire")
                .isFalse();
    }

    @Test
    void theSkewIsBoundedToFiveMinutes() {
        assertThatThrownBy(() -> oidc("https://issuer.example", List.of("ledger"), null, Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock-skew");
        assertThatThrownBy(() -> oidc("https://issuer.example", List.of("ledger"), null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withAJwkSetUriTheKeysComeFromThereAndTheAudienceIsChecked() throws Exception {
        JwtDecoder decoder = OidcTokens.decoder(oidc("", List.of("ledger"), jwkSetUri, null), new MockEnvironment(),
                Clock.systemUTC());

        Jwt accepted = decoder.decode(sign(key, "ledger"));
        assertThat(accepted.getSubject()).isEqualTo("u-7");
        assertThatThrownBy(() -> decoder.decode(sign(key, "portal"))).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThatThrownBy(() -> decoder.decode(sign(stranger, "ledger")))
                .isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
    }

    @Test
    void theProductionProfileRefusesOidcThatAcceptsAnyAudience() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> OidcTokens.decoder(oidc("", List.of(), jwkSetUri, null), production, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger.security.oidc.audience");
        assertThat(OidcTokens.decoder(oidc("", List.of("ledger"), jwkSetUri, null), production, CLOCK)).isNotNull();
    }

    static String sign(RSAKey signingKey, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-7").audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }
}
