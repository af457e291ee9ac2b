package org.partnershipledger.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream the way an integration would, until it has enough or time runs out. */
final class SseClient {

    /** One message; {@code id} is null when the message had no {@code id:} line (a signed checkpoint). */
    record Message(String id, String event, String data) {

        static final String CHECKPOINT = "ledger.audit.checkpoint.v1";

        /** An event of the log, not a signed checkpoint of the audit log (those come live, without an id). */
        boolean isLogEvent() {
            return !CHECKPOINT.equals(event);
        }
    }

    static List<Message> read(int port, String user, String pathAndQuery, String lastEventId, int count,
                              Duration timeout) throws Exception {
        return read(port, user, pathAndQuery, lastEventId, count, timeout, message -> true);
    }

    /** Only the messages {@code keep} takes are returned and counted. */
    static List<Message> read(int port, String user, String pathAndQuery, String lastEventId, int count,
                              Duration timeout, Predicate<Message> keep) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response.statusCode() != 200) {
            throw new AssertionError("stream answered " + response.statusCode());
        }
        List<Message> messages = new ArrayList<>();
        Stream<String> lines = response.body();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            Iterator<String> it = lines.iterator();
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            while (messages.size() < count && it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    Message message = new Message(id, event, data.toString());
                    if (data.length() > 0 && keep.test(message)) {
                        synchronized (messages) {
                            messages.add(message);
                        }
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        });
        try {
            reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException enough) {
            // fewer than asked for within the time: the caller checks what arrived
        } finally {
            lines.close();
        }
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }
}
