package org.partnershipledger.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.stereotype.Component;

/**
 * The query and command APIs, called as the signed-in user: the user's credential (the sign-in form's Basic
 * credential, or with OIDC the request's access token as Bearer) is relayed on every call, and nothing else. Answers come back as they are (status and body); the pages decide what a
 * 403, 404 or problem means to the reader.
 */
@Component
public class LedgerApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final LedgerUrls urls;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public LedgerApi(LedgerUrls urls, ObjectMapper json) {
        this.urls = urls;
        this.json = json;
    }

    /** A read from the query API; parameters with a null or blank value are left out. */
    public ApiAnswer read(SignedIn user, String path, Map<String, ?> parameters) {
        return send(user.authorization(), HttpRequest.newBuilder(urls.queryUrl().resolve(path + query(parameters)))
                .GET().header("Accept", "application/json"));
    }

    public ApiAnswer read(SignedIn user, String path) {
        return read(user, path, Map.of());
    }

    /** A raw download from the query API (e.g. an audit pack), with its status. */
    public HttpResponse<InputStream> download(SignedIn user, String path) {
        HttpRequest request = HttpRequest.newBuilder(urls.queryUrl().resolve(path)).timeout(TIMEOUT)
                .header("Authorization", user.authorization()).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Who the credential belongs to, straight from the query API ({@code GET /api/me}). */
    public ApiAnswer whoIs(String authorization) {
        return send(authorization, HttpRequest.newBuilder(urls.queryUrl().resolve("/api/me")).GET()
                .header("Accept", "application/json"));
    }

    /**
     * A command to the command API: the body as JSON, the version the page was rendered at as {@code If-Match}
     * (when known), and a fresh {@code Idempotency-Key} and {@code X-Request-Id} per form submission.
     */
    public ApiAnswer command(SignedIn user, String method, String path, Object body, Long ifMatch) {
        String key = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.commandUrl().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key).header("X-Request-Id", "board-web-" + key);
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return send(user.authorization(), request);
    }

    private ApiAnswer send(String authorization, HttpRequest.Builder request) {
        request.timeout(TIMEOUT).header("Authorization", authorization);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) { // the store is down: the API recorded nothing and says when to retry
                throw new LedgerUnavailable(response.headers().firstValue("Retry-After").orElse(null));
            }
            Object body = response.body() == null || response.body().isBlank() ? null : parse(response.body());
            return new ApiAnswer(response.statusCode(), body, response.headers().firstValue("ETag"));
        } catch (IOException e) {
            throw new LedgerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailable(e);
        }
    }

    private Object parse(String body) {
        try {
            return JsonMap.lenient(json.readValue(body, Object.class));
        } catch (JsonProcessingException notJson) {
            return Map.of("detail", body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String query(Map<String, ?> parameters) {
        Map<String, String> kept = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isBlank()) {
                kept.put(k, String.valueOf(v));
            }
        });
        if (kept.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        kept.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** The APIs did not answer at all. */
    public static class LedgerUnavailable extends RuntimeException {

        /** Seconds to wait before trying again, as the API said, or a few when it did not answer at all. */
        private final String retryAfter;

        LedgerUnavailable(Exception cause) {
            super("The ledger did not answer: " + cause.getMessage(), cause);
            this.retryAfter = "5";
        }

        LedgerUnavailable(String retryAfter) {
            super("The ledger answered 503: its store is not available");
            this.retryAfter = retryAfter == null || retryAfter.isBlank() ? "5" : retryAfter;
        }

        public String retryAfter() {
            return retryAfter;
        }
    }
}
