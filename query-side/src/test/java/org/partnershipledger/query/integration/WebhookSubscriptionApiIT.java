package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The subscription API of a ledger with the production default, {@code allow-private-targets=false}: internal
 * targets are refused, the secret is generated and shown once, stored sealed, rotated with an overlap, and a target
 * that resolves to a forbidden address by the time of delivery is not delivered to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=query-side", "ledger.webhooks.initial-backoff=50ms",
                "ledger.webhooks.max-backoff=200ms", "ledger.webhooks.max-failures=1000"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class WebhookSubscriptionApiIT {

    @LocalServerPort
    int port;
    @Autowired
    WebhookSubscriptions subscriptions;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    Http integration() {
        return Http.localhost(port).as("integration");
    }

    Http.Response subscribe(String url) {
        return integration().postJson("/api/subscriptions", """
                {"url": "%s", "types": ["ledger.program.*"]}""".formatted(url));
    }

    @Test
    void aWebhookToAnInternalAddressIsRefusedWithItsCode() {
        List<String> urls = List.of("http://127.0.0.1:%d/hook".formatted(port), "http://localhost/hook",
                "http://[::1]/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/", "http://100.64.0.1/", "https://[fe80::1]/", "http://0.0.0.0:8081/");
        for (String url : urls) {
            Http.Response refused = subscribe(url);

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).as(url).isEqualTo("WEBHOOK_TARGET_FORBIDDEN");
        }
        assertThat(integration().get("/api/subscriptions").json().get("subscriptions").findValuesAsText("url"))
                .doesNotContainAnyElementsOf(urls);
    }

    @Test
    void theSecretIsGeneratedShownOnceAndStoredSealed() throws Exception {
        Http.Response created = subscribe("http://93.184.216.34/hook");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        String secret = created.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        byte[] key = Base64.getDecoder().decode(secret.substring(6));
        assertThat(key).hasSize(32);

        JsonNode view = integration().get("/api/subscriptions/" + id).json();
        assertThat(view.toString()).doesNotContain(secret.substring(6));
        assertThat(view.has("secret")).isFalse();
        assertThat(integration().get("/api/subscriptions").raw().body()).doesNotContain(secret.substring(6));

        Stored stored = stored(id);
        assertThat(stored.plaintext()).isNull();
        assertThat(cipher.open(stored.sealed(), id)).isEqualTo(key);
    }

    @Test
    void aSecretOfItsOwnIsStillTakenForOneMoreReleaseButAMalformedOneIsRefusedWithoutRepeatingIt() {
        Http.Response own = integration().postJson("/api/subscriptions", """
                {"url": "http://93.184.216.34/hook", "types": ["ledger.program.*"],
                 "secret": "a-webhook-secret-of-ours"}""");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("secret").asText()).isEqualTo("whsec_"
                + Base64.getEncoder().encodeToString("a-webhook-secret-of-ours".getBytes(StandardCharsets.UTF_8)));

        Http.Response malformed = integration().postJson("/api/subscriptions", """
                {"url": "http://93.184.216.34/hook", "types": ["ledger.program.*"], "secret": "whsec_c2hvcnQ="}""");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(malformed.raw().body()).doesNotContain("c2hvcnQ=");
    }

    @Test
    void aRotationAnswersTheNewSecretOnceAndKeepsTheOldOneForTheOverlap() throws Exception {
        Http.Response created = subscribe("http://93.184.216.34/hook");
        String id = created.json().get("subscriptionId").asText();
        byte[] old = Base64.getDecoder().decode(created.json().get("secret").asText().substring(6));

        Http.Response rotated = integration().postJson("/api/subscriptions/" + id + "/secret/rotation", "");

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String secret = rotated.json().get("secret").asText();
        byte[] next = Base64.getDecoder().decode(secret.substring(6));
        assertThat(next).hasSize(32).isNotEqualTo(old);
        Instant until = Instant.parse(rotated.json().get("previousSecretValidUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        JsonNode view = integration().get("/api/subscriptions/" + id).json();
        assertThat(Instant.parse(view.get("previousSecretValidUntil").asText())).isEqualTo(until);
        assertThat(view.toString()).doesNotContain(secret.substring(6));

        WebhookSubscriptions.Due due = subscriptions.due().stream().filter(d -> d.subscriptionId().equals(id))
                .findFirst().orElseThrow();
        WebhookSubscriptions.SigningSecrets secrets = subscriptions.open(due);
        assertThat(secrets.at(Instant.now())).containsExactly(WebhookSecret.of(next), WebhookSecret.of(old));
        assertThat(secrets.at(until)).containsExactly(WebhookSecret.of(next));

        assertThat(integration().postJson("/api/subscriptions/nope/secret/rotation", "").status()).isEqualTo(404);
        assertThat(Http.localhost(port).as("board").postJson("/api/subscriptions/" + id + "/secret/rotation", "")
                .status()).isEqualTo(403);
    }

    @Test
    void aPlaintextSecretLeftByAnEarlierVersionIsSealedAndKeepsItsKey() throws Exception {
        jdbc.sql("""
                        INSERT INTO query_side.webhook_subscription (subscription_id, owner, url, types,
                            plaintext_secret, state, position) VALUES ('legacy-1', 'integration',
                            'http://93.184.216.34/hook', '{ledger.*}', 'a-webhook-secret-of-ours', 'ACTIVE', 0)""")
                .update();

        assertThat(subscriptions.sealPlaintextSecrets()).isEqualTo(1);
        assertThat(subscriptions.sealPlaintextSecrets()).isZero();

        Stored stored = stored("legacy-1");
        assertThat(stored.plaintext()).isNull();
        assertThat(new String(cipher.open(stored.sealed(), "legacy-1"), StandardCharsets.UTF_8))
                .isEqualTo("a-webhook-secret-of-ours");
        jdbc.sql("DELETE FROM query_side.webhook_subscription WHERE subscription_id = 'legacy-1'").update();
    }

    @Test
    void aTargetThatNowResolvesToAForbiddenAddressIsNotDeliveredToAndSaysWhy() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // as if the name had resolved to a public address when it was subscribed, and to loopback now
        subscriptions.create("rebound-1", "integration", "http://127.0.0.1:%d/hook".formatted(
                receiver.getAddress().getPort()), List.of("ledger.partnership.*"), null, WebhookSecret.generate(), 0);
        eventStore.publish(new GenericDomainEventMessage<>("Partnership", "p-rebound", 0,
                new PartnershipOpened(new PartnershipId("p-rebound"), "Field sales academy", "Acme Retail",
                        "Reps productive in 90 days", List.of()),
                MetaData.with("actor", "alice").and("reason", "Onboarding takes too long")));

        JsonNode failing = integration().await("/api/subscriptions/rebound-1",
                r -> r.json().get("consecutiveFailures").asInt() >= 3, Duration.ofSeconds(30)).json();

        assertThat(failing.get("lastError").asText())
                .isEqualTo("Target forbidden: 127.0.0.1 resolves to a loopback address");
        assertThat(failing.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(failing.get("delivered").asLong()).isZero();
        assertThat(failing.get("position").asLong()).isZero();
        assertThat(posts.get()).as("nothing posted to the forbidden target").isZero();
    }

    record Stored(String plaintext, byte[] sealed) {
    }

    Stored stored(String id) {
        return jdbc.sql("""
                        SELECT plaintext_secret, secret_sealed FROM query_side.webhook_subscription
                        WHERE subscription_id = ?""")
                .param(id).query((rs, row) -> new Stored(rs.getString(1), rs.getBytes(2))).single();
    }
}
