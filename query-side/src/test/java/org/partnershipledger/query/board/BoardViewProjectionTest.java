package org.partnershipledger.query.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ProgramViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The board views projection on the real tables: what it stores, redelivery, reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class BoardViewProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");

    @Autowired
    BoardViewProjection projection;
    @Autowired
    PartnershipViews partnerships;
    @Autowired
    ProgramViews programs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    static DomainEventMessage<?> partnershipEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Partnership", P.value(), sequence, payload, MetaData.with("actor", "m"));
    }

    static DomainEventMessage<?> programEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Program", G.value(), sequence, payload,
                MetaData.with("actor", "m").and("reason", "First cohort"));
    }

    void handle(DomainEventMessage<?> message) {
        projection.on(message.getPayload(), message);
    }

    @Test
    void partnershipEventsBuildTheStoredPartnershipView() {
        handle(partnershipEvent(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of())));
        handle(partnershipEvent(1, new OnboardingStarted(P)));

        var view = partnerships.find("p-1").orElseThrow();
        assertThat(view.name).isEqualTo("Academy");
        assertThat(view.stage).isEqualTo(Stage.ONBOARDING);
        assertThat(view.version).isEqualTo(1);
        assertThat(jdbc.sql("SELECT stage FROM query_side.partnership_view").query(String.class).single())
                .isEqualTo("ONBOARDING");
    }

    @Test
    void programEventsBuildTheStoredProgramViewWithWhoAndWhy() {
        handle(programEvent(0, new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"), List.of(), 1)));
        handle(programEvent(1, new ProgramApproved(G, "Head of Sales")));

        var view = programs.complete("prog-1").orElseThrow();
        assertThat(view.status).isEqualTo("APPROVED");
        assertThat(view.curriculumHistory.get(0).actor()).isEqualTo("m");
        assertThat(view.curriculumHistory.get(0).reason()).isEqualTo("First cohort");
        assertThat(programs.ofPartnership("p-1")).hasSize(1);
    }

    @Test
    void impactRecordsAndCurriculumVersionsWrittenEarlierAreUpdatedInPlace() {
        var module = new CurriculumModule(new ModuleId("m-2"), "Role plays");
        handle(programEvent(0, new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1)));
        handle(programEvent(1, new ModuleCoCreated(G, module.moduleId(), module.title(), List.of("a"), List.of("b"), 1)));
        handle(programEvent(2, new ProgramApproved(G, "Head of Sales")));
        handle(programEvent(3, new ImpactRecorded(G, "i-1", 4, "ttq", java.math.BigDecimal.TEN, "days", null, null,
                java.time.LocalDate.parse("2026-07-01"), java.time.LocalDate.parse("2026-09-30"), ImpactSource.BI,
                List.of(), null, null, 1)));
        handle(programEvent(4, new ImpactWithdrawn(G, "i-1", "Wrong extract")));

        var view = programs.complete("prog-1").orElseThrow();
        assertThat(view.curriculumHistory.get(0).modules()).extracting(CurriculumModule::title)
                .containsExactly("Discovery", "Role plays");
        assertThat(view.curriculumHistory.get(0).added()).extracting(CurriculumModule::title)
                .containsExactly("Discovery", "Role plays");
        assertThat(view.impacts.get(0).withdrawn).isTrue();
        assertThat(view.impacts.get(0).withdrawalReason).isEqualTo("Wrong extract");
        assertThat(jdbc.sql("SELECT doc::text FROM query_side.program_view").query(String.class).single())
                .as("the document does not carry the rows").doesNotContain("i-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        handle(partnershipEvent(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of())));
        handle(partnershipEvent(1, new ConcernRaised(P, "k-1", Side.CLIENT, "s", "d")));
        handle(partnershipEvent(1, new ConcernRaised(P, "k-1", Side.CLIENT, "s", "d")));

        assertThat(partnerships.find("p-1").orElseThrow().concerns).hasSize(1);
    }

    @Test
    void resetEmptiesBothViewsForAReplay() {
        handle(partnershipEvent(0, new PartnershipOpened(P, "Academy", "Acme", "v", List.of())));
        handle(programEvent(0, new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"), List.of(), 1)));

        projection.reset();

        assertThat(partnerships.find("p-1")).isEmpty();
        assertThat(programs.find("prog-1")).isEmpty();
    }
}
