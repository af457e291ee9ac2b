package org.partnershipledger.query.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The program views projection on the real tables: what it stores, what it rewrites, redelivery, reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class ProgramViewProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");

    @Autowired
    ProgramViewProjection projection;
    @Autowired
    ProgramViews programs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.partnershipledger.query.readmodel.ReadModels readModels;
    @Autowired
    org.partnershipledger.query.readmodel.Json json;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    void handle(long sequence, ProgramEvent payload) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(ProgramEvent.AGGREGATE, G.value(), sequence,
                payload, MetaData.with("actor", "m").and("reason", "First cohort"));
        projection.on(payload, message);
    }

    static ImpactRecorded impact(String impactId) {
        return new ImpactRecorded(G, impactId, 4, "ttq", BigDecimal.TEN, "days", null, null,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null, null,
                1);
    }

    void proposed() {
        handle(0, new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1));
    }

    @Test
    void programEventsBuildTheStoredProgramViewWithWhoAndWhy() {
        proposed();
        handle(1, new ProgramApproved(G, "Head of Sales"));

        var view = programs.find("prog-1").orElseThrow();
        assertThat(view.status).isEqualTo("APPROVED");
        assertThat(view.curriculumHistory.get(0).actor()).isEqualTo("m");
        assertThat(view.curriculumHistory.get(0).reason()).isEqualTo("First cohort");
        assertThat(programs.ofPartnership("p-1")).hasSize(1);
        assertThat(programs.version("prog-1")).isEqualTo(1);
    }

    @Test
    void eventsRecordedWithANulCharacterAreStillShownWithTheReplacementCharacter() {
        // recorded before the command side refused NUL; PostgreSQL's text and jsonb cannot hold it
        handle(0, new ProgramProposed(G, P, "Sell\u0000ing", List.of(), null, List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Disc\u0000overy")), 1));
        handle(1, new ImpactRecorded(G, "i-1", 4, "ttq", BigDecimal.TEN, "da\u0000ys", null, "EM\u0000EA",
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of("a\u0000b"),
                null, null, 1));

        var view = programs.find("prog-1").orElseThrow();
        assertThat(view.title).isEqualTo("Sell\uFFFDing");
        assertThat(view.curriculumHistory.get(0).modules().get(0).title()).isEqualTo("Disc\uFFFDovery");
        assertThat(view.impacts.get(0).unit).isEqualTo("da\uFFFDys");
        assertThat(view.impacts.get(0).evidence).containsExactly("a\uFFFDb");
    }

    @Test
    void impactRecordsAndCurriculumVersionsWrittenEarlierAreUpdatedInPlace() {
        var module = new CurriculumModule(new ModuleId("m-2"), "Role plays");
        proposed();
        handle(1, new ModuleCoCreated(G, module.moduleId(), module.title(), List.of("a"), List.of("b"), 1));
        handle(2, new ProgramApproved(G, "Head of Sales"));
        handle(3, impact("i-1"));
        handle(4, new ImpactWithdrawn(G, "i-1", "Wrong extract"));

        var view = programs.find("prog-1").orElseThrow();
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
    void onlyTheRowsAnEventChangedAreWrittenAgain() {
        proposed();
        handle(1, impact("i-1"));
        handle(2, impact("i-2"));
        // a row written again gets a new row version (xmin)
        var before = rowVersions();

        handle(3, new ImpactWithdrawn(G, "i-2", "Double count"));

        var after = rowVersions();
        assertThat(after).containsEntry("impact i-1", before.get("impact i-1"))
                .containsEntry("version 1", before.get("version 1"));
        assertThat(after.get("impact i-2")).isNotEqualTo(before.get("impact i-2"));
        assertThat(programs.find("prog-1").orElseThrow().impacts).extracting(i -> i.impactId + " " + i.withdrawn)
                .containsExactly("i-1 false", "i-2 true");
    }

    @Test
    void aNewProgramSavedAgainWritesOnlyWhatChangedSince() {
        ProgramViews store = new ProgramViews(readModels.live(ProgramViewProjection.class), json);
        ProgramView view = new ProgramView();
        view.apply(new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1), 0, Instant.EPOCH, "m", "First");
        view.apply(impact("i-1"), 1, Instant.EPOCH, "m", "First cohort");
        store.saveAll(java.util.Map.of(G.value(), view));
        var written = rowVersions();

        view.apply(impact("i-2"), 2, Instant.EPOCH, "m", "Second cohort");
        store.saveAll(java.util.Map.of(G.value(), view));

        assertThat(rowVersions()).as("the rows saved the first time are not written again")
                .containsEntry("impact i-1", written.get("impact i-1"))
                .containsEntry("version 1", written.get("version 1"))
                .containsKey("impact i-2");
        assertThat(programs.find(G.value()).orElseThrow().impacts).extracting(i -> i.impactId)
                .containsExactly("i-1", "i-2");
    }

    java.util.Map<String, String> rowVersions() {
        var versions = new java.util.HashMap<String, String>();
        jdbc.sql("SELECT 'impact ' || impact_id, xmin::text FROM query_side.program_impact").query((rs, row) ->
                versions.put(rs.getString(1), rs.getString(2))).list();
        jdbc.sql("SELECT 'version ' || version, xmin::text FROM query_side.program_curriculum").query((rs, row) ->
                versions.put(rs.getString(1), rs.getString(2))).list();
        return versions;
    }

    @Test
    void inAProcessorsBatchManyRecordsAreWrittenTogetherAndAWithdrawalFindsItsRecordEarlierOrInTheBatch() {
        var first = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        proposed();
        // more records per batch than a COPY takes at the least (CopyRows.FEWEST)
        for (int i = 1; i <= 300; i++) {
            handle(i, impact("i-" + i));
        }
        first.commit();
        var second = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        for (int i = 301; i <= 600; i++) {
            handle(i, impact("i-" + i));
        }
        handle(601, new ImpactWithdrawn(G, "i-3", "Wrong extract"));
        handle(602, new ImpactWithdrawn(G, "i-345", "Double count"));
        second.commit();

        var view = programs.find("prog-1").orElseThrow();
        assertThat(view.impacts).hasSize(600);
        assertThat(view.impacts).filteredOn(impact -> impact.withdrawn).extracting(i -> i.impactId + " " +
                i.withdrawalReason).containsExactly("i-3 Wrong extract", "i-345 Double count");
        assertThat(view.version).isEqualTo(602);
    }

    static DomainEventMessage<?> event(String program, long sequence, ProgramEvent payload) {
        return new GenericDomainEventMessage<>(ProgramEvent.AGGREGATE, program, sequence, payload,
                MetaData.with("actor", "m").and("reason", "Batch " + sequence));
    }

    static ProgramProposed proposal(String program) {
        return new ProgramProposed(new ProgramId(program), P, "Selling " + program, List.of(), null, List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1);
    }

    static ImpactRecorded impact(String program, String impactId) {
        return new ImpactRecorded(new ProgramId(program), impactId, 4, "ttq", BigDecimal.TEN, "days", null, null,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null, null,
                1);
    }

    void handleAlone(List<DomainEventMessage<?>> events) {
        events.forEach(event -> projection.on((ProgramEvent) event.getPayload(), event));
    }

    /** The events in one batch of a processor, which also holds events of no program. */
    void handleInOneBatch(List<DomainEventMessage<?>> events) {
        List<org.axonframework.eventhandling.EventMessage<?>> batch = new java.util.ArrayList<>(events);
        batch.add(1, org.axonframework.eventhandling.GenericEventMessage.asEventMessage("not a program's event"));
        var unitOfWork = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                projection.on((ProgramEvent) event.getPayload(), event);
            }
            return null;
        }, org.axonframework.messaging.unitofwork.RollbackConfigurationType.ANY_THROWABLE);
    }

    List<String> storedRows() {
        var rows = new java.util.ArrayList<>(jdbc.sql("""
                SELECT program_id || ' ' || version || ' ' || last_change || ' ' || doc::text
                FROM query_side.program_view ORDER BY program_id""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT program_id || ' ' || impact_id || ' ' || sequence || ' ' || doc::text
                FROM query_side.program_impact ORDER BY program_id, impact_id""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT program_id || ' ' || version || ' ' || doc::text
                FROM query_side.program_curriculum ORDER BY program_id, version""").query(String.class).list());
        return rows;
    }

    @Test
    void aBatchReadsItsProgramsTogetherAndWritesWhatItsEventsWriteOneByOne() {
        var earlier = List.<DomainEventMessage<?>>of(event("prog-1", 0, proposal("prog-1")),
                event("prog-1", 1, impact("prog-1", "i-1")), event("prog-1", 2, impact("prog-1", "i-2")),
                event("prog-3", 0, proposal("prog-3")));
        var batch = List.<DomainEventMessage<?>>of(
                event("prog-1", 3, new ImpactWithdrawn(new ProgramId("prog-1"), "i-1", "Wrong extract")),
                event("prog-2", 0, proposal("prog-2")),
                event("prog-1", 2, impact("prog-1", "i-2")), // redelivered
                event("prog-1", 4, impact("prog-1", "i-3")),
                event("prog-2", 1, impact("prog-2", "i-4")),
                event("prog-1", 5, new ProgramApproved(new ProgramId("prog-1"), "Head of Sales")));
        handleAlone(earlier);
        handleAlone(batch);
        var oneByOne = storedRows();
        projection.reset();

        handleAlone(earlier);
        handleInOneBatch(batch);

        assertThat(storedRows()).isEqualTo(oneByOne);
        assertThat(programs.find("prog-1").orElseThrow().impacts).extracting(i -> i.impactId + " " + i.withdrawn)
                .containsExactly("i-1 true", "i-2 false", "i-3 false");
        assertThat(programs.version("prog-2")).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        proposed();
        handle(1, impact("i-1"));
        handle(1, impact("i-1"));
        handle(2, new ProgramLocalized(G, "l-1", "DE", "de", "Europe/Berlin", List.of()));
        handle(2, new ProgramLocalized(G, "l-1", "DE", "de", "Europe/Berlin", List.of()));

        var view = programs.find("prog-1").orElseThrow();
        assertThat(view.impacts).hasSize(1);
        assertThat(view.localizations).hasSize(1);
    }

    @Test
    void resetEmptiesTheViewsForAReplay() {
        proposed();
        handle(1, impact("i-1"));

        projection.reset();

        assertThat(programs.find("prog-1")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.program_impact").query(Long.class).single()).isZero();
    }
}
