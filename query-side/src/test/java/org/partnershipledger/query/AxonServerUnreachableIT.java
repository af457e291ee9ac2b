package org.partnershipledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With Axon Server switched on but not reachable, what needs it is a quick 503 the client may retry, never a 500;
 * the processors' status, kept in PostgreSQL, still answers, so {@code ledger status} works through an outage; and
 * health is DOWN.
 */
class AxonServerUnreachableIT {

    static ConfigurableApplicationContext querySide;
    static Http http;

    @BeforeAll
    static void start() {
        querySide = QuerySideApplication.builder().properties(
                "ledger.db.url=" + TestPostgres.newDatabase(), "ledger.db.user=postgres", "ledger.db.pool-size=5",
                "AXON_SERVER=127.0.0.1:1", "axon.axonserver.connect-timeout=500").run("--server.port=0");
        http = Http.localhost(((WebServerApplicationContext) querySide).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        querySide.close();
    }

    @Test
    void timeTravelAnswers503WithRetryAfter() {
        long start = System.nanoTime();
        Http.Response response = http.as("board").get("/api/partnerships/P-1?asOf=2026-01-01T00:00:00Z");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        assertUnavailable(response);
        assertUnavailable(http.as("board").get("/api/programs/PR-1?version=0"));
    }

    @Test
    void theProcessorsStatusAnswersWithTheHeadUnknownAndNothingCaughtUp() {
        long start = System.nanoTime();
        Http.Response response = http.as("admin").get("/api/admin/processors");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("headPosition").isNull()).isTrue();
        assertThat(status.get("processors")).isNotEmpty().allSatisfy(processor -> {
            assertThat(processor.get("lag").isNull()).isTrue();
            assertThat(processor.get("caughtUp").asBoolean()).isFalse();
        });
        assertThat(http.as("admin").get("/api/admin/processors/event-log").status()).isEqualTo(200);
    }

    @Test
    void healthIsDown() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(503);
    }

    private static void assertUnavailable(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isNotBlank();
    }
}
