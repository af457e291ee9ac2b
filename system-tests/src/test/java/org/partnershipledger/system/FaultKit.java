package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.partnershipledger.platform.testing.Http;

/**
 * What the fault suite does to a ledger and how it checks the outcome against what clients were told: writers
 * that retry with the same Idempotency-Key until they get an answer, a webhook receiver, and one check of every
 * surface (store, ledger check, event log, export, stream from 0 and resumed, webhooks).
 */
final class FaultKit {

    static final ObjectMapper JSON = new ObjectMapper();

    private FaultKit() {
    }

    /** A partnership through its life (see {@link PartnershipLife}) and the approved programs the load writes to. */
    record Programs(PartnershipLife life, List<String> ids) {
    }

    /** The scripted partnership and {@code extra} more approved programs in it. */
    static Programs partnershipWithPrograms(Http manager, int extra) throws InterruptedException {
        PartnershipLife life = new PartnershipLife(manager).live();
        List<String> ids = new ArrayList<>(approvedPrograms(manager, life.partnershipId, extra));
        ids.add(life.programId);
        return new Programs(life, ids);
    }

    /** {@code count} approved programs of a partnership that has a selected partner. */
    static List<String> approvedPrograms(Http manager, String partnershipId, int count) {
        List<String> programs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response proposed = manager.postJson("/api/programs", """
                    {"partnershipId": "%s", "title": "Program %d", "objectives": ["Sell better"],
                     "audience": "Sales reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                     "reason": "Fault suite"}""".formatted(partnershipId, i));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            String id = proposed.json().get("programId").asText();
            Http.Response approved = manager.postJson("/api/programs/" + id + "/approval",
                    "{\"approvedBy\": \"Head of Sales\"}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            programs.add(id);
        }
        return programs;
    }

    /**
     * Concurrent clients recording impacts, each with an Idempotency-Key that it sends again, unchanged, until the
     * ledger acknowledges it (a client that got no answer cannot know whether its command was taken). Every
     * answer other than 201 while the ledger is down is a retry; the statuses seen are counted.
     */
    static final class Load implements AutoCloseable {
        final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> impactId
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final AtomicInteger noAnswer = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        /** {@code clients} writers, each pausing {@code paceMillis} between its commands. */
        Load(Supplier<Http> manager, List<String> programs, int clients, long paceMillis) {
            threads = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                String program = programs.get(c % programs.size());
                threads.execute(() -> write(manager, program, paceMillis));
            }
        }

        private void write(Supplier<Http> manager, String program, long paceMillis) {
            while (running.get()) {
                sleep(paceMillis);
                String key = UUID.randomUUID().toString();
                String body = """
                        {"level": 1, "kpiId": "ttq", "value": %d, "unit": "points", "periodStart": "2026-07-01",
                         "periodEnd": "2026-07-31", "source": "SURVEY"}""".formatted(key.hashCode() & 0xff);
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < giveUp) {
                    try {
                        Http.Response response = manager.get().postJson("/api/programs/" + program + "/impact", body,
                                "Idempotency-Key", key, "Accept", "*/*");
                        statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.status() == 201) {
                            acknowledged.put(key, response.json().get("impactId").asText());
                            break;
                        }
                        if (response.status() != 503) {
                            unexpected.add(response.status() + " " + response);
                        }
                    } catch (RuntimeException down) {
                        noAnswer.incrementAndGet();
                    }
                    sleep(100);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(150, TimeUnit.SECONDS)).as("writers stopped").isTrue();
        }
    }

    /** A webhook receiver that keeps the position of every delivery, in arrival order. */
    static final class Receiver implements AutoCloseable {
        final List<Long> positions = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (event.has("position")) { // not a signed checkpoint of the audit log
                    positions.add(event.get("position").asLong());
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String subscribe(Http integration) {
            Http.Response created = integration.postJson("/api/subscriptions", """
                    {"url": "http://127.0.0.1:%d/hook", "types": ["ledger.*"], "secret": "a-webhook-secret-of-ours",
                     "after": 0}""".formatted(server.getAddress().getPort()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().get("subscriptionId").asText();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static List<Long> longs(String databaseUrl, String sql) throws Exception {
        return strings(databaseUrl, sql).stream().map(Long::valueOf).toList();
    }

    static List<String> strings(String databaseUrl, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** How many times the store has each impact the load recorded (its unit is "points"). */
    static Map<String, Long> eventsPerImpact(String databaseUrl) throws Exception {
        Map<String, Long> perKey = new ConcurrentHashMap<>();
        try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                     SELECT payload ->> 'impactId', count(*)
                       FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS payload
                               FROM event_store.domain_event_entry WHERE payload_type LIKE '%.ImpactRecorded') e
                      WHERE payload ->> 'unit' = 'points' GROUP BY 1""")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    perKey.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return perKey;
    }

    /**
     * Everything clients were told is in the store exactly once, and every surface has every stored event exactly
     * once, in position order: the ledger check, the event log, the export, the stream (from the start, and
     * resumed at random cut points) and the webhook receiver.
     */
    static void everySurfaceHasEveryEvent(String databaseUrl, Http admin, Http integration, int queryPort,
                                          Load load, Receiver receiver, String subscriptionId) throws Exception {
        Map<String, Long> perImpact = eventsPerImpact(databaseUrl);
        assertThat(load.acknowledged).as("commands acknowledged").isNotEmpty();
        assertThat(load.unexpected).as("answers other than 201 and 503").isEmpty();
        assertThat(perImpact.keySet()).as("the store has exactly the impacts acknowledged: none lost, and no retry "
                + "made a second one").isEqualTo(Set.copyOf(load.acknowledged.values()));
        assertThat(perImpact.values()).as("each impact once").allMatch(n -> n == 1L);
        List<Long> stored = longs(databaseUrl, "SELECT global_index FROM event_store.domain_event_entry ORDER BY 1");

        long head = stored.get(stored.size() - 1);
        admin.await("/api/admin/processors", r -> r.status() == 200 && r.json().get("headPosition").asLong() == head
                && r.json().get("processors").findValuesAsText("state").stream().allMatch("RUNNING"::equals)
                && r.json().get("processors").findValues("position").stream().allMatch(p -> p.asLong() == head),
                Duration.ofSeconds(120));
        JsonNode report = admin.await("/api/admin/consistency?digests=false",
                r -> r.status() == 200 && r.json().get("consistent").asBoolean(), Duration.ofSeconds(60)).json();
        assertThat(report.get("headPosition").asLong()).isEqualTo(head);
        assertThat(longs(databaseUrl, "SELECT position FROM analytics.event_log ORDER BY 1")).isEqualTo(stored);

        // the export, like the stream, hands out an event once no lower position can still commit: after a crash a
        // position taken by a killed transaction is known to be given up once every transaction since has ended,
        // or at the latest twice the transaction timeout after the event that follows it
        List<Long> exported = new ArrayList<>();
        Http analyst = Http.localhost(queryPort).as("analyst");
        try {
            analyst.await("/api/export/events?after=0", r -> {
                exported.clear();
                r.raw().body().lines().forEach(line -> exported.add(read(line).get("position").asLong()));
                return exported.size() == stored.size();
            }, Duration.ofSeconds(90));
        } catch (AssertionError heldBack) {
            throw new AssertionError("The export held back events after " + exported.get(exported.size() - 1)
                    + "; positions the event log has not seen: " + longs(databaseUrl, "SELECT unnest(gaps) FROM "
                    + "query_side.read_model_position WHERE processor = 'event-log'") + ", of which stored: "
                    + longs(databaseUrl, "SELECT global_index FROM event_store.domain_event_entry WHERE global_index "
                    + "IN (SELECT unnest(gaps) FROM query_side.read_model_position WHERE processor = 'event-log')")
                    + "; oldest transactions: " + strings(databaseUrl, "SELECT pid || ' ' || state || ' ' || "
                    + "coalesce(backend_xid::text, '-') || ' ' || left(query, 60) FROM pg_stat_activity "
                    + "WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL"), heldBack);
        }
        assertThat(exported).as("export").isEqualTo(stored);

        List<Long> streamed = SseClient.read(queryPort, "integration", "/api/stream?after=0", null, stored.size(),
                Duration.ofSeconds(60), SseClient.Message::isLogEvent).stream().map(m -> Long.parseLong(m.id()))
                .toList();
        assertThat(streamed).as("stream from the start").isEqualTo(stored);
        Random random = new Random(42);
        for (int cut = 0; cut < 3; cut++) {
            int at = random.nextInt(stored.size());
            List<Long> rest = stored.subList(at + 1, Math.min(stored.size(), at + 201));
            List<Long> resumed = SseClient.read(queryPort, "integration", "/api/stream", stored.get(at).toString(),
                    rest.size(), Duration.ofSeconds(30), SseClient.Message::isLogEvent).stream()
                    .map(m -> Long.parseLong(m.id())).toList();
            assertThat(resumed).as("stream resumed after %d", stored.get(at)).isEqualTo(rest);
        }

        integration.await("/api/subscriptions/" + subscriptionId,
                r -> r.json().get("position").asLong() >= stored.get(stored.size() - 1), Duration.ofSeconds(90));
        List<Long> delivered;
        synchronized (receiver.positions) {
            delivered = List.copyOf(receiver.positions);
        }
        assertThat(new TreeSet<>(delivered)).as("webhooks: every event, at least once").isEqualTo(Set.copyOf(stored));
        List<Long> firstDeliveries = new ArrayList<>(new java.util.LinkedHashSet<>(delivered));
        assertThat(firstDeliveries).as("webhooks: in position order").isSorted();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
