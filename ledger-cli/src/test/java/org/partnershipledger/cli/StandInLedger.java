package org.partnershipledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A query side on loopback that gives canned answers, in order, per method and path; the last answer of a path
 * repeats. It records each request line so a test can see what the CLI asked for.
 */
final class StandInLedger implements AutoCloseable {

    /** One answer, sent with its Content-Length as the query side sends packs. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer problem(int status, String code, String detail) {
            return new Answer(status, "application/problem+json", ("{\"type\":\"about:blank\",\"title\":\"Refused\","
                    + "\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    StandInLedger() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StandInLedger on(String method, String path, Answer... inOrder) {
        answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).addAll(List.of(inOrder));
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + exchange.getRequestURI());
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        Deque<Answer> queue = answers.get(method + " " + path);
        Answer answer = queue == null ? Answer.problem(404, "NOT_FOUND", "no canned answer for " + path)
                : queue.size() > 1 ? queue.poll() : queue.peek();
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
