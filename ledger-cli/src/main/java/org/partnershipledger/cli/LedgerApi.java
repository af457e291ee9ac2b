package org.partnershipledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Talks to a running ledger's query side, with one clear message for each way that can go wrong. */
final class LedgerApi {

    /**
     * The ledger could not be reached or refused; the message says which, for a person. {@code status} is 0 when
     * there was no answer, and {@code code} is the problem code of a problem+json answer (null otherwise), so that a
     * command can tell "the server said no" from "the server was not there".
     */
    static final class Failure extends RuntimeException {
        final int status;
        final String code;

        Failure(String message) {
            this(message, 0, null);
        }

        Failure(String message, int status, String code) {
            super(message);
            this.status = status;
            this.code = code;
        }

        /** The server answered with a 4xx status: it refused, as opposed to being unreachable or failing. */
        boolean refused() {
            return status >= 400 && status < 500;
        }
    }

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    LedgerApi(String base, String user, String password) {
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String getText(String path) {
        HttpResponse<InputStream> response = get(path);
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("The ledger at " + base + " broke off the answer: " + e.getMessage());
        }
    }

    HttpResponse<InputStream> get(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs an empty body; the answer's text. */
    String post(String path) {
        HttpResponse<InputStream> response = send(path, HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("The ledger at " + base + " broke off the answer: " + e.getMessage());
        }
    }

    private HttpResponse<InputStream> send(String path, HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", authorization).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                response.body().close();
                throw new Failure("The ledger refused these credentials for " + path + " (HTTP " + response.statusCode()
                        + "); set --user and LEDGER_PASSWORD", response.statusCode(), null);
            }
            if (response.statusCode() >= 300) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                String code = Problems.code(body);
                throw new Failure("The ledger answered HTTP " + response.statusCode()
                        + (code == null ? "" : " " + code) + " for " + path + ": " + Problems.detail(body),
                        response.statusCode(), code);
            }
            return response;
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Failure("Cannot reach the ledger at " + base + " (is it running? see ./ledger up)");
        } catch (IOException e) {
            throw new Failure("Cannot reach the ledger at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted");
        }
    }
}
