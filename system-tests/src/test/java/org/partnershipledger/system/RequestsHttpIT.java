package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * requests.http cannot rot: every request in it runs, top to bottom, against a fresh ledger and answers 2xx (or
 * the status its {@code # expect:} line names), and every endpoint both services document appears in it.
 */
class RequestsHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A read may come before its read model has the change; it is asked again for this long. */
    private static final Duration READ_PATIENCE = Duration.ofSeconds(15);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpFile requestsHttp() {
        return HttpFile.read(ProjectRoot.resolve("requests.http"));
    }

    @Test
    void everyRequestAnswersAsWritten() throws Exception {
        HttpFile file = requestsHttp().with(Map.of("command", "http://localhost:" + ledger.commandPort(),
                "query", "http://localhost:" + ledger.queryPort()));
        Map<String, HttpFile.Answer> answers = new HashMap<>();
        for (HttpFile.Request request : file.requests) {
            Answered answered = send(file, request, answers);
            System.out.printf("requests.http %s -> %d%n", request, answered.status());
            assertThat(request.expect() == null ? answered.status() / 100 == 2 : answered.status() == request.expect())
                    .as("%s answered %d (expected %s): %s", request, answered.status(),
                            request.expect() == null ? "2xx" : request.expect(), answered.text())
                    .isTrue();
            if (request.name() != null) {
                answers.put(request.name(), answered.answer());
            }
        }
    }

    @Test
    void everyDocumentedEndpointIsInTheFile() {
        HttpFile file = requestsHttp();
        List<String> missing = new ArrayList<>();
        missing.addAll(missing(file, "command", ApiDocs.fetch(ledger.commandPort())));
        missing.addAll(missing(file, "query", ApiDocs.fetch(ledger.queryPort())));
        assertThat(missing).as("endpoints of /v3/api-docs with no example in requests.http").isEmpty();
    }

    private static List<String> missing(HttpFile file, String base, JsonNode document) {
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"));
            for (String method : METHODS) {
                if (path.getValue().has(method) && file.requests.stream().noneMatch(request ->
                        request.method().equalsIgnoreCase(method)
                                && HttpFile.baseAndPath(request).getKey().equals(base)
                                && template.matcher(HttpFile.baseAndPath(request).getValue()).matches())) {
                    missing.add(method.toUpperCase() + " {{" + base + "}}" + path.getKey());
                }
            }
        });
        return missing;
    }

    private record Answered(int status, String text, HttpFile.Answer answer) {
    }

    /** Sends the request; a read that does not answer as expected yet is asked again for a while. */
    private Answered send(HttpFile file, HttpFile.Request request, Map<String, HttpFile.Answer> answers)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
        while (true) {
            Answered answered = sendOnce(file, request, answers);
            boolean asExpected = request.expect() == null ? answered.status() / 100 == 2
                    : answered.status() == request.expect();
            if (asExpected || !request.method().equals("GET") || System.nanoTime() > deadline) {
                return answered;
            }
            Thread.sleep(100);
        }
    }

    private Answered sendOnce(HttpFile file, HttpFile.Request request, Map<String, HttpFile.Answer> answers)
            throws IOException, InterruptedException {
        String body = file.resolve(request.body(), answers);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(file.resolve(request.url(), answers)))
                .timeout(Duration.ofSeconds(90))
                .method(request.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.headers().forEach((name, value) -> builder.header(name, header(name, file.resolve(value, answers))));
        HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = response.body()) {
            // a stream never ends by itself: its status and headers are the answer
            text = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json = contentType.contains("json") && !contentType.contains("ndjson") && !text.isBlank()
                ? JSON.readTree(text) : null;
        return new Answered(response.statusCode(), text, new HttpFile.Answer(json, headers));
    }

    /** {@code Authorization: Basic user password} (or {@code user:password}) is encoded, as both clients do. */
    private static String header(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") && value.startsWith("Basic ")) {
            String credentials = value.substring(6).strip();
            if (credentials.contains(" ") || credentials.contains(":")) {
                return "Basic " + Base64.getEncoder().encodeToString(
                        credentials.replaceFirst(" +", ":").getBytes(StandardCharsets.UTF_8));
            }
        }
        return value;
    }
}
