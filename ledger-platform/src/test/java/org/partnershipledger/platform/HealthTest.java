package org.partnershipledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.postgres.LocalPostgres;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Health says UP only while the event store answers, whichever store is configured. */
class HealthTest {

    @Test
    void healthTurnsDownWhenPostgresStopsAnswering() throws Exception {
        LocalPostgres postgres = LocalPostgres.start(Files.createTempDirectory("ledger-health"), 0);
        postgres.awaitReady(60_000);
        try (ConfigurableApplicationContext context = platform(
                "ledger.db.url=" + postgres.jdbcUrl(), "ledger.db.user=postgres")) {
            Http http = Http.localhost(port(context));
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);

            postgres.close();

            Http.Response down = http.await("/actuator/health", r -> r.status() == 503, Duration.ofSeconds(20));
            assertThat(down.json().at("/components/eventStore/status").asText()).isEqualTo("DOWN");
        } finally {
            postgres.close();
        }
    }

    @Test
    void axonServerIsSwitchedOnByAxonServerAndReportedDownWhenItDoesNotAnswer() throws Exception {
        try (ConfigurableApplicationContext context = platform("AXON_SERVER=127.0.0.1:1",
                "axon.axonserver.connect-timeout=500", "ledger.health.event-store-timeout=1s")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeanNamesForType(JdbcEventStorageEngine.class)).isEmpty();

            Http.Response health = Http.localhost(port(context)).get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/eventStore/status").asText()).isEqualTo("DOWN");
        }
    }

    private static ConfigurableApplicationContext platform(String... properties) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(new LedgerTestDatabase())
                .properties("ledger.schema=platform_test", "server.port=0")
                .properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
