package org.partnershipledger.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny OIDC provider on loopback, for tests: a discovery document, {@code /authorize} signing the user in at
 * once and redirecting back with a code, {@code /token} giving an access token and a signed ID token for that code,
 * and the signing key at {@code /jwks}. Every token request is kept.
 */
final class StubIssuer implements AutoCloseable {

    record TokenRequest(String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String> nonceOfCode = new ConcurrentHashMap<>();
    final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    volatile String clientId = "board-web";
    volatile String accessToken = "access-token-1";
    /** Seconds until an access token expires; a refresh token comes with it when {@link #refreshes} is on. */
    volatile int expiresIn = 300;
    volatile boolean refreshes = false;
    /** Whether a refresh token is still honoured (off: the provider refuses it, as after a revocation). */
    volatile boolean refreshAllowed = true;
    private final java.util.concurrent.atomic.AtomicInteger refreshed = new java.util.concurrent.atomic.AtomicInteger();

    StubIssuer() throws IOException {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> send(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "end_session_endpoint": "%1$s/logout",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                 "code_challenge_methods_supported": ["S256"]}""".formatted(url())));
        server.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", exchange -> {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String code = "code-" + nonceOfCode.size();
            nonceOfCode.put(code, query.getOrDefault("nonce", ""));
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/token", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequests.add(new TokenRequest(exchange.getRequestHeaders().getFirst("Authorization"), form));
            if ("refresh_token".equals(form.get("grant_type"))) {
                if (!refreshAllowed || !"refresh-token-1".equals(form.get("refresh_token"))) {
                    send(exchange, 400, "{\"error\": \"invalid_grant\"}");
                    return;
                }
                send(exchange, 200, """
                        {"access_token": "refreshed-token-%d", "token_type": "Bearer", "expires_in": 300,
                         "refresh_token": "refresh-token-1"}""".formatted(refreshed.incrementAndGet()));
                return;
            }
            String nonce = nonceOfCode.remove(String.valueOf(form.get("code")));
            if (nonce == null) {
                send(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            send(exchange, 200, """
                    {"access_token": "%s", "token_type": "Bearer", "expires_in": %d, "scope": "openid",%s
                     "id_token": "%s"}""".formatted(accessToken, expiresIn,
                    refreshes ? " \"refresh_token\": \"refresh-token-1\"," : "", idToken(nonce)));
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String idToken(String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url()).subject("user-1").audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                .claim("preferred_username", "manager").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
