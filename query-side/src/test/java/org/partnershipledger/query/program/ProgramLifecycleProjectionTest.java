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
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The program views projection on the real tables for a program's measurement plan, localisation drift and
 * curations: what each event stores, what a reader gets worked out from it, and that redelivery changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class ProgramLifecycleProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");
    static final CurriculumModule DISCOVERY = new CurriculumModule(new ModuleId("m-1"), "Discovery");
    static final CurriculumModule OBJECTIONS = new CurriculumModule(new ModuleId("m-2"), "Objections");
    static final CurriculumModule AI = new CurriculumModule(new ModuleId("m-3"), "AI tools");
    static final PlannedMeasure REACTION = new PlannedMeasure(1, "Satisfaction", "Survey", ImpactSource.SURVEY,
            MeasurementCadence.PER_COHORT, null);
    static final PlannedMeasure BEHAVIOUR = new PlannedMeasure(3, "Discovery questions asked", "Observation",
            ImpactSource.OBSERVATION, MeasurementCadence.QUARTERLY, null);
    static final List<Evidence> MINUTES = List.of(new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q3", null));
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    @Autowired
    ProgramViewProjection projection;
    @Autowired
    ProgramViews programs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    void handle(long sequence, ProgramEvent payload) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(ProgramEvent.AGGREGATE, G.value(), sequence,
                payload, MetaData.with("actor", "manager").and("reason", "why " + sequence), "e-" + sequence,
                T0.plusSeconds(sequence * 60));
        projection.on(payload, message);
    }

    /** Each event handled twice, as a redelivery would. */
    void twice(long sequence, ProgramEvent payload) {
        handle(sequence, payload);
        handle(sequence, payload);
    }

    void approvedWithTwoModules() {
        handle(0, new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"),
                List.of(DISCOVERY, OBJECTIONS), 1));
        handle(1, new ProgramApproved(G, "Head of Sales"));
    }

    static CurriculumPivoted pivot(int from, List<CurriculumModule> add, List<ModuleId> remove,
                                   List<CurriculumModule> modules) {
        return new CurriculumPivoted(G, from, from + 1, "KPI gap", PivotTrigger.KPI_GAP, add, remove, "CLO", null,
                modules);
    }

    ProgramView.Localization drift() {
        return LocalizationDrift.of(programs.find("prog-1").orElseThrow()).get(0);
    }

    @Test
    void aMeasurementPlanIsHeldAgainstWhatIsMeasuredPerLevel() {
        approvedWithTwoModules();
        twice(2, new MeasurementPlanSet(G, List.of(REACTION, BEHAVIOUR), false, MINUTES, "2026-Q3"));
        handle(3, new ImpactRecorded(G, "i-1", 1, "ttq", new BigDecimal("4.2"), "of 5", null, null,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31"), ImpactSource.SURVEY, List.of(), null,
                null, 1));
        handle(4, new ImpactRecorded(G, "i-2", 4, "ttq", new BigDecimal("104"), "days", null, null,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null,
                null, 1));
        handle(5, new ImpactRecorded(G, "i-3", 3, "ttq", new BigDecimal("2"), "questions", null, null,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.OBSERVATION, List.of(),
                null, null, 1));
        twice(6, new ImpactWithdrawn(G, "i-3", "Wrong team observed"));

        ProgramView view = programs.find("prog-1").orElseThrow();
        assertThat(view.measurementPlan.levels()).containsExactly(REACTION, BEHAVIOUR);
        assertThat(view.measurementPlan.reason()).isEqualTo("why 2");
        assertThat(view.measurementPlan.decisionRef()).isEqualTo("2026-Q3");
        List<MeasurementSummary.MeasuredLevel> levels = MeasurementSummary.of(view);
        assertThat(levels).extracting(MeasurementSummary.MeasuredLevel::level).containsExactly(1, 2, 3, 4);
        assertThat(levels.get(0).recordCount()).isEqualTo(1);
        assertThat(levels.get(0).latestValue()).isEqualByComparingTo("4.2");
        assertThat(levels.get(0).unmeasured()).isFalse();
        assertThat(levels.get(1).planned()).isNull();
        assertThat(levels.get(1).unmeasured()).isFalse();
        assertThat(levels.get(2).unmeasured()).as("its one record is withdrawn").isTrue();
        assertThat(levels.get(3).unplanned()).isTrue();
    }

    @Test
    void aReplacedPlanIsTheOneInForce() {
        approvedWithTwoModules();
        handle(2, new MeasurementPlanSet(G, List.of(REACTION), false, List.of(), null));
        twice(3, new MeasurementPlanSet(G, List.of(BEHAVIOUR), true, List.of(), null));

        ProgramView view = programs.find("prog-1").orElseThrow();
        assertThat(view.measurementPlan.levels()).containsExactly(BEHAVIOUR);
        assertThat(view.measurementPlan.replaced()).isTrue();
    }

    @Test
    void aPivotOfTheCoreLeavesALocalisationBehindWithWhatChanged() {
        approvedWithTwoModules();
        twice(2, new ProgramLocalized(G, "l-1", "LATAM", "es", "America/Lima", List.of("Local cases"), 1));
        assertThat(drift().needsReview()).isFalse();

        twice(3, pivot(1, List.of(AI), List.of(OBJECTIONS.moduleId()), List.of(DISCOVERY, AI)));
        handle(4, pivot(2, List.of(), List.of(AI.moduleId()), List.of(DISCOVERY)));

        ProgramView.Localization drift = drift();
        assertThat(drift.coreVersion()).isEqualTo(1);
        assertThat(drift.currentCoreVersion()).isEqualTo(3);
        assertThat(drift.versionsBehind()).isEqualTo(2);
        assertThat(drift.needsReview()).isTrue();
        assertThat(drift.modulesAddedSince()).as("added, then removed again").isEmpty();
        assertThat(drift.modulesRemovedSince()).containsExactly(OBJECTIONS);
        assertThat(jdbc.sql("SELECT doc::text FROM query_side.program_view").query(String.class).single())
                .as("drift is worked out when read, never stored").doesNotContain("needsReview");
    }

    @Test
    void aConfirmationBringsTheLocalisationUpToTheCore() {
        approvedWithTwoModules();
        handle(2, new ProgramLocalized(G, "l-1", "LATAM", "es", "America/Lima", List.of("Local cases"), 1));
        handle(3, pivot(1, List.of(AI), List.of(), List.of(DISCOVERY, OBJECTIONS, AI)));
        twice(4, new LocalizationConfirmed(G, "l-1", "LATAM", "es", 1, 2, MINUTES, "2026-Q3"));

        ProgramView.Localization drift = drift();
        assertThat(drift.coreVersion()).isEqualTo(2);
        assertThat(drift.needsReview()).isFalse();
        assertThat(drift.modulesAddedSince()).isEmpty();
        assertThat(drift.lastReview().outcome()).isEqualTo("CONFIRMED");
        assertThat(drift.lastReview().reason()).isEqualTo("why 4");
        assertThat(drift.lastReview().decisionRef()).isEqualTo("2026-Q3");
        assertThat(drift.adaptations()).containsExactly("Local cases");
    }

    @Test
    void anUpdateReworksTheLocalisationForTheCore() {
        approvedWithTwoModules();
        handle(2, new ProgramLocalized(G, "l-1", "LATAM", "es", "America/Lima", List.of("Local cases"), 1));
        handle(3, pivot(1, List.of(AI), List.of(), List.of(DISCOVERY, OBJECTIONS, AI)));
        twice(4, new LocalizationUpdated(G, "l-1", "LATAM", "es", "America/Bogota", List.of("Local cases", "AI es"),
                List.of("Spanish prompts"), "AI module needs Spanish", 1, 2, List.of(), null));

        ProgramView.Localization drift = drift();
        assertThat(drift.coreVersion()).isEqualTo(2);
        assertThat(drift.needsReview()).isFalse();
        assertThat(drift.timeZone()).isEqualTo("America/Bogota");
        assertThat(drift.adaptations()).containsExactly("Local cases", "AI es");
        assertThat(drift.lastReview().outcome()).isEqualTo("UPDATED");
        assertThat(drift.lastReview().changes()).containsExactly("Spanish prompts");
        assertThat(drift.lastReview().reason()).isEqualTo("AI module needs Spanish");
    }

    @Test
    void aLocalisationStoredWithoutACoreVersionAdaptsTheVersionInForceThen() {
        approvedWithTwoModules();
        handle(2, pivot(1, List.of(AI), List.of(), List.of(DISCOVERY, OBJECTIONS, AI)));
        handle(3, new ProgramLocalized(G, "l-1", "LATAM", "es", "America/Lima", List.of()));
        handle(4, pivot(2, List.of(), List.of(AI.moduleId()), List.of(DISCOVERY, OBJECTIONS)));

        assertThat(drift().coreVersion()).isEqualTo(2);
        assertThat(drift().modulesRemovedSince()).containsExactly(AI);
    }

    @Test
    void learningRecordsShowACurationInUseOnceEachRedeliveryIncluded() {
        approvedWithTwoModules();
        handle(2, new ContentCurated(G, "c-1", CurationApproach.MOOC, "Negotiation basics",
                "https://www.coursera.org/learn/negotiation", "Coursera", "Sales EMEA", "Maria Lopez",
                "No module on negotiation", null, "Short and rated 4.8", List.of(), null));
        List<Evidence> sourced = List.of(new Evidence(EvidenceType.XAPI_STATEMENT,
                "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "Learning record: source"));
        twice(3, new CurationUseRecorded(G, "c-1", sourced));

        assertThat(programs.find("prog-1").orElseThrow().curations.get(0).uses).isEqualTo(sourced);
    }

    @Test
    void curationsAreListedAndRetiredWithTheirReason() {
        approvedWithTwoModules();
        twice(2, new ContentCurated(G, "c-1", CurationApproach.MOOC, "Negotiation basics",
                "https://www.coursera.org/learn/negotiation", "Coursera", "Sales EMEA", "Maria Lopez",
                "No module on negotiation", OBJECTIONS.moduleId(), "Short and rated 4.8", MINUTES, null));
        handle(3, new ContentCurated(G, "c-2", CurationApproach.CUSTOMISED, "Retail objections", null, null,
                "Retail", "Tom", "Retail cases", null, "Our own cases", List.of(), null));
        twice(4, new CurationRetired(G, "c-1", "Withdrawn by the provider", List.of(), null));

        ProgramView view = programs.find("prog-1").orElseThrow();
        assertThat(view.curations).extracting(c -> c.curationId + " " + c.status)
                .containsExactly("c-1 RETIRED", "c-2 ACTIVE");
        ProgramView.Curation first = view.curations.get(0);
        assertThat(first.moduleTitle).isEqualTo("Objections");
        assertThat(first.retirementReason).isEqualTo("Withdrawn by the provider");
        assertThat(first.evidence).isEqualTo(MINUTES);
        assertThat(first.actor).isEqualTo("manager");
        assertThat(programs.withCurations(null)).hasSize(1);
        assertThat(programs.withCurations("p-2")).isEmpty();
        assertThat(programs.withLocalizations("p-1")).isEmpty();
    }
}
