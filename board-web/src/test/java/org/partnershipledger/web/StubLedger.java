package org.partnershipledger.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Both APIs as a stub on loopback: each "METHOD /path" answers what the test said, and every request is kept. */
final class StubLedger implements AutoCloseable {

    record Answer(int status, String json) {
    }

    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A stub started on a free loopback port. */
    static StubLedger started() {
        try {
            return new StubLedger();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the board's application at this stub for both APIs. */
    void serveBothApis(DynamicPropertyRegistry registry) {
        registry.add("ledger.web.query-url", this::url);
        registry.add("ledger.web.command-url", this::url);
    }

    StubLedger() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Answer(404, "{\"code\": \"NOT_FOUND\", \"detail\": \"nothing here\"}"));
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    StubLedger answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Request last(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith(pathPrefix))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + method + " " + pathPrefix));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
