package org.partnershipledger.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Repeated failed HTTP Basic logins for one user name are slowed down with 429 and Retry-After, the same for a name
 * no user has, and never locked out: once the wait is over the right password works.
 */
@SecuredQuerySide
class LoginBackoffIT {

    @LocalServerPort
    int port;

    @Test
    void afterTheFreeFailuresTheNameMustWaitThenTheRightPasswordWorks() throws Exception {
        Http http = Http.localhost(port);
        for (int failure = 0; failure < 2; failure++) {
            Http.Response wrong = http.withBasic("integration", "guess-" + failure).get("/api/partnerships");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }

        Http.Response refused = http.as("integration").get("/api/partnerships");
        assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_FAILED_LOGINS");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("WWW-Authenticate")).isNull();

        Thread.sleep(1000L * Long.parseLong(refused.header("Retry-After")) + 100);
        assertThat(http.as("integration").get("/api/partnerships").status()).isEqualTo(200);
        assertThat(http.withBasic("integration", "guess").get("/api/partnerships").status())
                .as("the count started again").isEqualTo(401);
    }

    @Test
    void aNameNoUserHasGetsTheSameAnswers() {
        Http http = Http.localhost(port);
        for (int failure = 0; failure < 2; failure++) {
            assertThat(http.withBasic("nobody", "guess").get("/api/partnerships").status()).isEqualTo(401);
        }

        Http.Response refused = http.withBasic("nobody", "guess").get("/api/partnerships");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_FAILED_LOGINS");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("detail").asText()).doesNotContain("nobody");
    }
}
