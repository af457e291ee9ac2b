package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * Webhooks as an integration relies on them: every event, in order, signed as Standard Webhooks are (and still with
 * X-Ledger-Signature), the same webhook-id on every retry; failures retried, then paused; a rotated secret signs
 * alongside the old one until the overlap ends.
 */
class WebhookIT {

    /** A secret an integration chose itself, as before secrets were generated. */
    static final String SECRET = "a-webhook-secret-of-ours";
    static final Duration OVERLAP = Duration.ofSeconds(12);
    static final EventFormat JSON_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    static LedgerRunner ledger;
    static PartnershipLife life;
    static HttpServer receivers;
    static final List<SignedDelivery> flaky = new CopyOnWriteArrayList<>();
    static final List<String> flakyFailedIds = new CopyOnWriteArrayList<>();
    static final AtomicInteger flakyAttempts = new AtomicInteger();
    static final AtomicInteger brokenAttempts = new AtomicInteger();
    /** What /standard received, by the CloudEvent's subject (the partnership opened). */
    static final Map<String, SignedDelivery> standard = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.createContext("/flaky", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = flakyAttempts.incrementAndGet() <= 2;
            if (fail) {
                flakyFailedIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            } else {
                flaky.add(SignedDelivery.of(exchange, body));
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
        receivers.createContext("/standard", exchange -> {
            SignedDelivery delivery = SignedDelivery.of(exchange, exchange.getRequestBody().readAllBytes());
            standard.put(JSON_EVENTS.deserialize(delivery.body().getBytes(StandardCharsets.UTF_8)).getSubject(),
                    delivery);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receivers.start();
        ledger = new LedgerRunner().start("ledger.webhooks.initial-backoff=50ms", "ledger.webhooks.max-failures=3",
                "ledger.webhooks.rotation-overlap=" + OVERLAP.toSeconds() + "s");
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
        assertThat(created.json().get("secret").asText()).as("a secret of its own, in the whsec_ form")
                .isEqualTo("whsec_" + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        return created.json().get("subscriptionId").asText();
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventInOrderSigned() throws Exception {
        String id = subscribe("/flaky");
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        Http integration = ledger.queries("integration");
        long expected = life.partnershipVersion + 1;

        JsonNode subscription = integration.await("/api/subscriptions/" + id,
                r -> r.json().get("delivered").asLong() == expected, Duration.ofSeconds(30)).json();

        assertThat(subscription.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.get("consecutiveFailures").asInt()).isZero();
        assertThat(subscription.has("secret")).isFalse();
        assertThat(flakyAttempts.get()).isGreaterThanOrEqualTo((int) expected + 2);
        List<CloudEvent> events = flaky.stream()
                .map(d -> JSON_EVENTS.deserialize(d.body().getBytes(StandardCharsets.UTF_8))).toList();
        List<Long> positions = events.stream().map(e -> Long.parseLong(e.getExtension("position").toString())).toList();
        assertThat(positions).hasSize((int) expected).isSorted().doesNotHaveDuplicates();
        assertThat(events).allMatch(e -> e.getType().startsWith("ledger.partnership."));
        int port = ((org.springframework.boot.web.context.WebServerApplicationContext) ledger.querySide)
                .getWebServer().getPort();
        assertThat(events).as("no request: the service's own address, with its port")
                .allMatch(e -> e.getDataSchema().toString().endsWith(":" + port + "/api/schemas/" + e.getType()));
        for (int i = 0; i < flaky.size(); i++) {
            SignedDelivery delivery = flaky.get(i);
            assertThat(delivery.id()).as("webhook-id is the CloudEvent id").isEqualTo(events.get(i).getId());
            assertThat(delivery.signatures()).hasSize(1);
            assertThat(delivery.verifiesWith(secret)).as("Standard Webhooks signature").isTrue();
            assertThat(delivery.ledgerSignature()).as("X-Ledger-Signature, for one more release")
                    .isEqualTo("sha256=" + hmac(delivery.body()));
        }
        assertThat(flakyFailedIds).as("a retry carries the same webhook-id").hasSize(2)
                .containsOnly(flaky.get(0).id());
    }

    @Test
    void aRotatedSecretSignsAlongsideTheOldOneUntilTheOverlapEndsThenAlone() throws Exception {
        Http integration = ledger.queries("integration");
        Http.Response created = integration.postJson("/api/subscriptions", """
                {"url": "%s", "types": ["ledger.partnership.partnership-opened.v1"]}"""
                .formatted(receiver("/standard")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        String first = created.json().get("secret").asText();
        assertThat(first).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(first.substring(6))).hasSize(32);

        SignedDelivery before = delivered(open("Before the rotation"));
        assertThat(before.signatures()).hasSize(1);
        assertThat(before.verifiesWith(first)).isTrue();
        assertThat(before.verifiesWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
        assertThat(before.replayedAfter(Duration.ofMinutes(6)).verifiesWith(first)).as("a replay is too old").isFalse();
        assertThat(before.ledgerSignature()).isEqualTo("sha256=" + hmac(before.body(), first));

        Http.Response rotated = integration.postJson("/api/subscriptions/" + id + "/secret/rotation", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().get("secret").asText();
        Instant until = Instant.parse(rotated.json().get("previousSecretValidUntil").asText());
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);

        SignedDelivery during = delivered(open("During the overlap"));
        assertThat(during.sentAt() + 1).as("sent within the overlap").isLessThanOrEqualTo(until.getEpochSecond());
        assertThat(during.signatures()).hasSize(2);
        assertThat(during.verifiesWith(second)).as("a receiver that switched already").isTrue();
        assertThat(during.verifiesWith(first)).as("a receiver that has not switched yet").isTrue();
        assertThat(during.ledgerSignature()).isEqualTo("sha256=" + hmac(during.body(), second));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 1_000);
        SignedDelivery after = delivered(open("After the overlap"));
        assertThat(after.signatures()).hasSize(1);
        assertThat(after.verifiesWith(second)).isTrue();
        assertThat(after.verifiesWith(first)).as("the old secret no longer signs").isFalse();
        JsonNode overlap = integration.get("/api/subscriptions/" + id).json().get("previousSecretValidUntil");
        assertThat(overlap == null || overlap.isNull()).as("no overlap any more: %s", overlap).isTrue();
    }

    /** Opens a partnership of that name; its id. */
    static String open(String name) {
        Http.Response opened = ledger.commands("manager").postJson("/api/partnerships", """
                {"name": "%s", "client": "Acme Retail", "vision": "Signed deliveries",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90,
                           "dueDate": "2027-06-30"}],
                 "reason": "Rotation"}""".formatted(name));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("partnershipId").asText();
    }

    static SignedDelivery delivered(String partnershipId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!standard.containsKey(partnershipId)) {
            assertThat(System.nanoTime()).as("delivered in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        return standard.get(partnershipId);
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

    /** The deprecated X-Ledger-Signature's HMAC, keyed with the UTF-8 bytes of the secret an integration chose. */
    static String hmac(String body) throws Exception {
        return hmac(body, SECRET.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String body, String whsec) throws Exception {
        return hmac(body, Base64.getDecoder().decode(whsec.substring("whsec_".length())));
    }

    static String hmac(String body, byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
