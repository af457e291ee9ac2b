package org.partnershipledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** The history endpoint, fed through the event store and the streaming processor, as in production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class HistoryApiIT {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void theHistoryListsAPartnershipsAndItsProgramsEventsInOrder() {
        eventStore.publish(HistoryEvents.opened("p-7", "alice", "Onboarding takes too long"));
        eventStore.publish(HistoryEvents.opened("p-8", "zoe", "Someone else's partnership"));
        eventStore.publish(HistoryEvents.proposed("prog-7", "p-7", "bob"));

        Http http = Http.localhost(port).as("board");
        JsonNode history = http.await("/api/partnerships/p-7/history",
                r -> r.status() == 200 && r.json().get("events").size() == 2, Duration.ofSeconds(10)).json();

        JsonNode first = history.get("events").get(0);
        JsonNode second = history.get("events").get(1);
        assertThat(first.get("type").asText()).isEqualTo("PartnershipOpened");
        assertThat(first.get("actor").asText()).isEqualTo("alice");
        assertThat(first.get("reason").asText()).isEqualTo("Onboarding takes too long");
        assertThat(first.get("payload").get("name").asText()).isEqualTo("Field sales academy");
        assertThat(first.get("timestamp").asText()).isNotBlank();
        assertThat(second.get("type").asText()).isEqualTo("ProgramProposed");
        assertThat(second.get("aggregateType").asText()).isEqualTo("Program");
        assertThat(second.get("position").asLong()).isGreaterThan(first.get("position").asLong());
    }

    @Test
    void prometheusShowsEveryProcessorsPositionLagAndDeadLetters() {
        eventStore.publish(HistoryEvents.opened("p-9", "alice", "Metrics"));
        Http admin = Http.localhost(port).as("admin");

        String metrics = admin.await("/actuator/prometheus", r -> r.raw().body()
                .contains("ledger_processor_lag_events{processor=\"event-log\"} 0.0"), Duration.ofSeconds(10))
                .raw().body();

        assertThat(metrics).contains("ledger_processor_position{processor=\"board-views\"}",
                "ledger_processor_replaying{processor=\"pivot-impact\"} 0.0",
                "ledger_processor_dead_letters{processor=\"impact-facts\"} 0.0");
    }

    @Test
    void anUnknownPartnershipIs404ProblemJson() {
        Http.Response response = Http.localhost(port).as("board").get("/api/partnerships/never-opened/history");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("PARTNERSHIP_NOT_FOUND");
    }
}
