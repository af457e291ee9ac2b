package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With Axon Server switched on but not reachable, a command is a quick 503 the client may retry, not a 500. */
class AxonServerUnreachableIT {

    @Test
    void aCommandAnswers503WithRetryAfterWhenAxonServerCannotBeReached() {
        try (ConfigurableApplicationContext commandSide = CommandSideApplication.builder().properties(
                "ledger.db.url=" + TestPostgres.newDatabase(), "ledger.db.user=postgres", "ledger.db.pool-size=5",
                "AXON_SERVER=127.0.0.1:1", "axon.axonserver.connect-timeout=500").run("--server.port=0")) {
            Http http = Http.localhost(((WebServerApplicationContext) commandSide).getWebServer().getPort())
                    .as("manager");

            long start = System.nanoTime();
            Http.Response response = http.postJson("/api/partnerships", """
                    {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding takes too long"}""");

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
            assertThat(response.header("Retry-After")).isNotBlank();

            // a retry with the same Idempotency-Key is as safe: nothing was recorded, and it is a 503 again
            for (int attempt = 0; attempt < 2; attempt++) {
                Http.Response keyed = http.postJson("/api/partnerships", """
                        {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding"}""",
                        "Idempotency-Key", "during-the-outage");
                assertThat(keyed.status()).as(keyed.toString()).isEqualTo(503);
                assertThat(keyed.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
                assertThat(keyed.header("Retry-After")).isNotBlank();
            }
            // a command on an aggregate, which must be loaded from the store first
            Http.Response onAggregate = http.postJson("/api/partnerships/P-1/end", """
                    {"reason": "Budget cut"}""");
            assertThat(onAggregate.status()).as(onAggregate.toString()).isEqualTo(503);
            assertThat(http.get("/actuator/health").status()).isEqualTo(503);
        }
    }
}
