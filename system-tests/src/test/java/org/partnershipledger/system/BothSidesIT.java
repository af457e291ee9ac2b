package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.CommandSideApplication;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;
import org.partnershipledger.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The thin slice through everything: a command over HTTP on the command side becomes an event in PostgreSQL and
 * shows up in the query side's history; both services restart onto the same database and carry on.
 */
class BothSidesIT {

    private final String database = TestPostgres.newDatabase();
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @AfterEach
    void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
        if (querySide != null) {
            querySide.close();
        }
    }

    @Test
    void aCommandIsRecordedProjectedAndSurvivesARestartOfBothSides() {
        start();
        Http commands = Http.localhost(port(commandSide)).as("manager");
        Http queries = Http.localhost(port(querySide)).as("board");

        String partnership = commands.postJson("/api/partnerships", """
                {"name": "Field sales academy", "client": "Acme Retail", "reason": "Onboarding takes too long",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}]}""")
                .json().get("partnershipId").asText();
        Http.Response proposed = commands.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "kpiTargets": ["ttq"], "reason": "First cohort"}"""
                .formatted(partnership));
        assertThat(proposed.status()).isEqualTo(201);

        long sent = System.nanoTime();
        JsonNode history = queries.await("/api/partnerships/" + partnership + "/history",
                r -> r.status() == 200 && r.json().get("events").size() == 2, Duration.ofSeconds(10)).json();
        System.out.printf("History visible on the query side %d ms after the command returned%n",
                Duration.ofNanos(System.nanoTime() - sent).toMillis());
        assertThat(history.get("events").findValuesAsText("type"))
                .containsExactly("PartnershipOpened", "ProgramProposed");
        assertThat(history.get("events").get(0).get("reason").asText()).isEqualTo("Onboarding takes too long");

        String review = "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}";
        Http.Response keyed = commands.putJson("/api/partnerships/" + partnership + "/governance-charter", review,
                "Idempotency-Key", "charter-1");

        stop();
        start();
        commands = Http.localhost(port(commandSide)).as("manager");
        queries = Http.localhost(port(querySide)).as("board");

        Http.Response retried = commands.putJson("/api/partnerships/" + partnership + "/governance-charter", review,
                "Idempotency-Key", "charter-1");
        assertThat(retried.json()).as("idempotency keys survive a restart").isEqualTo(keyed.json());
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");

        queries.await("/api/partnerships/" + partnership + "/history", r -> r.json().get("events").size() == 3,
                Duration.ofSeconds(10));
        Http.Response second = commands.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Negotiation", "kpiTargets": ["ttq"], "reason": "Second cohort asks for it"}"""
                .formatted(partnership));
        assertThat(second.status()).as("the partnership is still known after a restart").isEqualTo(201);
        JsonNode after = queries.await("/api/partnerships/" + partnership + "/history",
                r -> r.json().get("events").size() == 4, Duration.ofSeconds(10)).json();
        assertThat(after.get("events").get(3).get("payload").get("title").asText()).isEqualTo("Negotiation");
    }

    private void start() {
        commandSide = run(CommandSideApplication.builder());
        querySide = run(QuerySideApplication.builder());
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder) {
        return builder.properties("ledger.db.url=" + database, "ledger.db.user=postgres", "ledger.db.pool-size=5")
                .run("--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
