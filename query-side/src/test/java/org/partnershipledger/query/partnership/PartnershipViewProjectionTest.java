package org.partnershipledger.query.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The partnership views projection on the real tables: what it stores, redelivery, reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class PartnershipViewProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");

    @Autowired
    PartnershipViewProjection projection;
    @Autowired
    PartnershipViews partnerships;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    void handle(long sequence, PartnershipEvent payload) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(PartnershipEvent.AGGREGATE, P.value(),
                sequence, payload, MetaData.with("actor", "m"));
        projection.on(payload, message);
    }

    @Test
    void partnershipEventsBuildTheStoredPartnershipView() {
        handle(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of()));
        handle(1, new OnboardingStarted(P));

        var view = partnerships.find("p-1").orElseThrow();
        assertThat(view.name).isEqualTo("Academy");
        assertThat(view.stage).isEqualTo(Stage.ONBOARDING);
        assertThat(view.version).isEqualTo(1);
        assertThat(partnerships.version("p-1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT stage FROM query_side.partnership_view").query(String.class).single())
                .isEqualTo("ONBOARDING");
    }

    @Test
    void anEventRecordedWithANulCharacterIsStillShownWithTheReplacementCharacter() {
        // recorded before the command side refused NUL; PostgreSQL's text and jsonb cannot hold it
        handle(0, new PartnershipOpened(P, "Field\u0000academy", "Acme", "v", List.of()));

        assertThat(partnerships.find("p-1").orElseThrow().name).isEqualTo("Field\uFFFDacademy");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        handle(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of()));
        handle(1, new ConcernRaised(P, "k-1", Side.CLIENT, "s", "d", null));
        handle(1, new ConcernRaised(P, "k-1", Side.CLIENT, "s", "d", null));

        assertThat(partnerships.find("p-1").orElseThrow().concerns).hasSize(1);
    }

    @Test
    void resetEmptiesTheViewsForAReplay() {
        handle(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of()));

        projection.reset();

        assertThat(partnerships.find("p-1")).isEmpty();
        assertThat(partnerships.version("p-1")).isEqualTo(-1);
    }
}
