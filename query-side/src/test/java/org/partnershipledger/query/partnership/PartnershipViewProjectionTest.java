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

    static DomainEventMessage<?> event(String partnership, long sequence, PartnershipEvent payload) {
        return new GenericDomainEventMessage<>(PartnershipEvent.AGGREGATE, partnership, sequence, payload,
                MetaData.with("actor", "m"));
    }

    List<String> storedRows() {
        return jdbc.sql("""
                SELECT partnership_id || ' ' || name || ' ' || client || ' ' || stage || ' ' || version || ' '
                       || last_change || ' ' || doc::text
                FROM query_side.partnership_view ORDER BY partnership_id""").query(String.class).list();
    }

    @Test
    void aBatchReadsItsPartnershipsTogetherAndWritesWhatItsEventsWriteOneByOne() {
        var earlier = List.<DomainEventMessage<?>>of(
                event("p-1", 0, new PartnershipOpened(new PartnershipId("p-1"), "Academy", "Acme", "v", List.of())),
                event("p-3", 0, new PartnershipOpened(new PartnershipId("p-3"), "Field", "Acme", "v", List.of())));
        var batch = List.<DomainEventMessage<?>>of(
                event("p-1", 1, new OnboardingStarted(new PartnershipId("p-1"))),
                event("p-2", 0, new PartnershipOpened(new PartnershipId("p-2"), "Content", "Beta", "v", List.of())),
                event("p-1", 1, new OnboardingStarted(new PartnershipId("p-1"))), // redelivered
                event("p-2", 1, new ConcernRaised(new PartnershipId("p-2"), "k-1", Side.CLIENT, "s", "d", null)),
                event("p-1", 2, new ConcernRaised(new PartnershipId("p-1"), "k-2", Side.PARTNER, "s", "d", null)));
        earlier.forEach(event -> projection.on((PartnershipEvent) event.getPayload(), event));
        batch.forEach(event -> projection.on((PartnershipEvent) event.getPayload(), event));
        var oneByOne = storedRows();
        projection.reset();

        earlier.forEach(event -> projection.on((PartnershipEvent) event.getPayload(), event));
        var unitOfWork = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            projection.on((PartnershipEvent) unitOfWork.getMessage().getPayload(), unitOfWork.getMessage());
            return null;
        }, org.axonframework.messaging.unitofwork.RollbackConfigurationType.ANY_THROWABLE);

        assertThat(storedRows()).isEqualTo(oneByOne);
        assertThat(partnerships.find("p-1").orElseThrow().stage).isEqualTo(Stage.ONBOARDING);
        assertThat(partnerships.find("p-2").orElseThrow().concerns).hasSize(1);
    }

    @Test
    void resetEmptiesTheViewsForAReplay() {
        handle(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of()));

        projection.reset();

        assertThat(partnerships.find("p-1")).isEmpty();
        assertThat(partnerships.version("p-1")).isEqualTo(-1);
    }
}
