package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/** Webhooks as an integration relies on them: every event, in order, signed; failures retried, then paused. */
class WebhookIT {

    static final String SECRET = "a-webhook-secret-of-ours";

    record Delivery(String body, String signature) {
    }

    static LedgerRunner ledger;
    static PartnershipLife life;
    static HttpServer receivers;
    static final List<Delivery> flaky = new CopyOnWriteArrayList<>();
    static final AtomicInteger flakyAttempts = new AtomicInteger();
    static final AtomicInteger brokenAttempts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.createContext("/flaky", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = flakyAttempts.incrementAndGet() <= 2;
            if (!fail) {
                flaky.add(new Delivery(new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-Ledger-Signature")));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        receivers.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            brokenAttempts.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receivers.start();
        ledger = new LedgerRunner().start("ledger.webhooks.initial-backoff=50ms", "ledger.webhooks.max-failures=3");
        life = new PartnershipLife(ledger.commands("manager")).live();
    }

    @AfterAll
    static void stop() {
        ledger.close();
        receivers.stop(0);
    }

    static String receiver(String path) {
        return "http://127.0.0.1:" + receivers.getAddress().getPort() + path;
    }

    static String subscribe(String path) {
        Http.Response created = ledger.queries("integration").postJson("/api/subscriptions", """
                {"url": "%s", "types": ["ledger.partnership.*"], "partnershipId": "%s", "secret": "%s", "after": 0}"""
                .formatted(receiver(path), life.partnershipId, SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventInOrderSigned() throws Exception {
        String id = subscribe("/flaky");
        Http integration = ledger.queries("integration");
        long expected = life.partnershipVersion + 1;

        JsonNode subscription = integration.await("/api/subscriptions/" + id,
                r -> r.json().get("delivered").asLong() == expected, Duration.ofSeconds(30)).json();

        assertThat(subscription.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.get("consecutiveFailures").asInt()).isZero();
        assertThat(subscription.has("secret")).isFalse();
        assertThat(flakyAttempts.get()).isGreaterThanOrEqualTo((int) expected + 2);
        List<CloudEvent> events = flaky.stream().map(d -> EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(d.body().getBytes(StandardCharsets.UTF_8))).toList();
        List<Long> positions = events.stream().map(e -> Long.parseLong(e.getExtension("position").toString())).toList();
        assertThat(positions).hasSize((int) expected).isSorted().doesNotHaveDuplicates();
        assertThat(events).allMatch(e -> e.getType().startsWith("ledger.partnership."));
        for (Delivery delivery : flaky) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.body()));
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsPausedKeepingItsPosition() {
        String id = subscribe("/broken");
        Http integration = ledger.queries("integration");

        JsonNode paused = integration.await("/api/subscriptions/" + id,
                r -> r.json().get("state").asText().equals("PAUSED"), Duration.ofSeconds(30)).json();

        assertThat(paused.get("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(paused.get("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(paused.get("position").asLong()).as("nothing skipped").isZero();
        assertThat(paused.get("delivered").asLong()).isZero();
        int attempts = brokenAttempts.get();
        assertThat(integration.get("/api/subscriptions").json().get("subscriptions").findValuesAsText("subscriptionId"))
                .contains(id);
        assertThat(ledger.queries("integration").postJson("/api/subscriptions/" + id + "/resume", "").status())
                .isEqualTo(200);
        integration.await("/api/subscriptions/" + id, r -> r.json().get("state").asText().equals("PAUSED")
                && brokenAttempts.get() >= attempts + 3, Duration.ofSeconds(30));
    }

    @Test
    void onlyHttpUrlsAreAcceptedAndOthersSeeNothingOfIt() {
        Http integration = ledger.queries("integration");
        Http.Response ftp = integration.postJson("/api/subscriptions", """
                {"url": "ftp://example.org/hook", "types": ["ledger.*"], "secret": "%s"}""".formatted(SECRET));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        Http.Response shortSecret = integration.postJson("/api/subscriptions", """
                {"url": "https://example.org/hook", "types": ["ledger.*"], "secret": "short"}""");
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(ledger.queries("board").get("/api/subscriptions").status()).isEqualTo(403);
        assertThat(integration.get("/api/subscriptions/nope").status()).isEqualTo(404);
    }

    static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
