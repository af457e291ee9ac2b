package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

/** A program's measurement plan, its localisations kept in step with the core, and curated content. */
class ProgramLifecycleTest {

    static final PlannedMeasure REACTION = new PlannedMeasure(1, "Satisfaction", "Post-course survey",
            ImpactSource.SURVEY, MeasurementCadence.PER_COHORT, null);
    static final PlannedMeasure RESULTS = new PlannedMeasure(4, "Time to quota", "CRM extract", ImpactSource.BI,
            MeasurementCadence.QUARTERLY, "ttq");
    static final List<Evidence> MINUTES = List.of(new Evidence(EvidenceType.DOCUMENT,
            "https://docs.example.com/minutes-q3", "Q3 minutes"));
    static final CurriculumModule AI_TOOLS = new CurriculumModule(new ModuleId("m-9"), "Selling with AI tools");

    FixtureConfiguration<Program> fixture;
    FakePartnershipStatus partnerships;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        partnerships = new FakePartnershipStatus().with(PARTNERSHIP, "ttq", "nps").reviewed(PARTNERSHIP, "2026-Q3");
        fixture.registerInjectableResource(partnerships);
        fixture.registerInjectableResource(ProgramTest.NOW);
    }

    static SetMeasurementPlan plan(String reason, PlannedMeasure... levels) {
        return new SetMeasurementPlan(ID, List.of(levels), reason, null, null, null);
    }

    static MeasurementPlanSet planSet(boolean replaced, PlannedMeasure... levels) {
        return new MeasurementPlanSet(ID, List.of(levels), replaced, List.of(), null);
    }

    static ProgramLocalized localized(int coreVersion) {
        return new ProgramLocalized(ID, "l-1", "LATAM", "es", "America/Mexico_City", List.of("Local cases"),
                coreVersion);
    }

    static CurriculumPivoted pivoted() {
        return new CurriculumPivoted(ID, 1, 2, "KPI gap", PivotTrigger.KPI_GAP, List.of(AI_TOOLS),
                List.of(OBJECTIONS.moduleId()), "Head of Sales", null, List.of(DISCOVERY, AI_TOOLS));
    }

    @Nested
    class MeasurementPlan {
        @Test
        void isSetPerLevelInLevelOrder() {
            fixture.given(proposed())
                    .when(new SetMeasurementPlan(ID, List.of(RESULTS, REACTION), null, MINUTES, "2026-Q3", null))
                    .expectEvents(new MeasurementPlanSet(ID, List.of(REACTION, RESULTS), false, MINUTES, "2026-Q3"));
        }

        @Test
        void replacingOneNeedsAReason() {
            fixture.given(proposed(), planSet(false, REACTION))
                    .when(plan(" ", REACTION, RESULTS))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void replacesTheWholePlanWithAReason() {
            fixture.given(proposed(), approved(), planSet(false, REACTION))
                    .when(plan("L3 and L4 matter most", RESULTS))
                    .expectEvents(planSet(true, RESULTS));
        }

        @Test
        void plansEachLevelOnce() {
            fixture.given(proposed())
                    .when(plan(null, REACTION, REACTION))
                    .expectException(rejected(400, ProblemCode.DUPLICATE_LEVEL))
                    .expectNoEvents();
        }

        @Test
        void namesMetricMethodSourceAndCadence() {
            fixture.given(proposed())
                    .when(plan(null, new PlannedMeasure(3, "Behaviour", " ", ImpactSource.OBSERVATION,
                            MeasurementCadence.MONTHLY, null)))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
            fixture.given(proposed())
                    .when(plan(null, new PlannedMeasure(3, "Behaviour", "Checklist", ImpactSource.OBSERVATION,
                            null, null)))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void isOnLevelsOneToFive() {
            fixture.given(proposed())
                    .when(plan(null, new PlannedMeasure(6, "m", "m", ImpactSource.BI, MeasurementCadence.MONTHLY,
                            null)))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void plansAtLeastOneLevel() {
            fixture.given(proposed())
                    .when(plan(null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void feedsOnlyKpisOfThePartnership() {
            fixture.given(proposed())
                    .when(plan(null, new PlannedMeasure(4, "m", "m", ImpactSource.BI, MeasurementCadence.MONTHLY,
                            "churn")))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_KPI))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeldInThePartnership() {
            fixture.given(proposed())
                    .when(new SetMeasurementPlan(ID, List.of(REACTION), null, null, "2025-Q1", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void citesEvidenceABoardCanFollow() {
            fixture.given(proposed())
                    .when(new SetMeasurementPlan(ID, List.of(REACTION), null,
                            List.of(new Evidence(EvidenceType.DOCUMENT, "not a uri", null)), null, null))
                    .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID))
                    .expectNoEvents();
        }

        @Test
        void isNotSetForARejectedProgram() {
            fixture.given(proposed(), new ProgramRejected(ID, "No budget"))
                    .when(plan(null, REACTION))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void isNotSetForARetiredProgram() {
            fixture.given(proposed(), approved(), new ProgramRetired(ID, "Done"))
                    .when(plan(null, REACTION))
                    .expectException(rejected(409, ProblemCode.PROGRAM_RETIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Localisations {
        @Test
        void recordTheCoreVersionTheyAdapt() {
            fixture.given(proposed(), approved(), pivoted())
                    .when(new LocalizeProgram(ID, "l-1", "LATAM", "es", "America/Mexico_City",
                            List.of("Local cases"), null))
                    .expectEvents(localized(2));
        }

        @Test
        void areReconfirmedAgainstTheCurrentCoreAfterAPivot() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new ConfirmLocalization(ID, "l-1", "Cases still hold", MINUTES, "2026-Q3", null))
                    .expectEvents(new LocalizationConfirmed(ID, "l-1", "LATAM", "es", 1, 2, MINUTES, "2026-Q3"));
        }

        @Test
        void storedWithoutACoreVersionAdaptTheVersionInForceThen() {
            fixture.given(proposed(), approved(),
                            new ProgramLocalized(ID, "l-1", "LATAM", "es", "America/Mexico_City", List.of()),
                            pivoted())
                    .when(new ConfirmLocalization(ID, "l-1", null, null, null, null))
                    .expectEvents(new LocalizationConfirmed(ID, "l-1", "LATAM", "es", 1, 2, List.of(), null));
        }

        @Test
        void upToDateOnesHaveNothingToReconfirm() {
            fixture.given(proposed(), approved(), localized(1))
                    .when(new ConfirmLocalization(ID, "l-1", null, null, null, null))
                    .expectException(rejected(409, ProblemCode.LOCALIZATION_UP_TO_DATE))
                    .expectNoEvents();
            fixture.given(proposed(), approved(), localized(1), pivoted(),
                            new LocalizationConfirmed(ID, "l-1", "LATAM", "es", 1, 2, List.of(), null))
                    .when(new ConfirmLocalization(ID, "l-1", null, null, null, null))
                    .expectException(rejected(409, ProblemCode.LOCALIZATION_UP_TO_DATE))
                    .expectNoEvents();
        }

        @Test
        void anUnknownOneCannotBeReconfirmed() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new ConfirmLocalization(ID, "l-9", null, null, null, null))
                    .expectException(rejected(404, ProblemCode.LOCALIZATION_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aConfirmationCitesOnlyAReviewHeld() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new ConfirmLocalization(ID, "l-1", null, null, "2024-Q4", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void areUpdatedWithAReasonAndWhatChanged() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new UpdateLocalization(ID, "l-1", null, List.of("Local cases", "AI tools in Spanish"),
                            List.of("Spanish prompts for the AI module"), "The AI module needs Spanish prompts",
                            null, null, null))
                    .expectEvents(new LocalizationUpdated(ID, "l-1", "LATAM", "es", "America/Mexico_City",
                            List.of("Local cases", "AI tools in Spanish"), List.of("Spanish prompts for the AI module"),
                            "The AI module needs Spanish prompts", 1, 2, List.of(), null));
        }

        @Test
        void anUpdateKeepsWhatItLeavesOut() {
            fixture.given(proposed(), approved(), localized(1))
                    .when(new UpdateLocalization(ID, "l-1", "America/Bogota", null, List.of("Moved to Bogotá"),
                            "Team moved", null, null, null))
                    .expectEvents(new LocalizationUpdated(ID, "l-1", "LATAM", "es", "America/Bogota",
                            List.of("Local cases"), List.of("Moved to Bogotá"), "Team moved", 1, 1, List.of(), null));
        }

        @Test
        void anUpdateNeedsAReason() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new UpdateLocalization(ID, "l-1", null, null, List.of("x"), "", null, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void anUpdateSaysWhatChanged() {
            fixture.given(proposed(), approved(), localized(1), pivoted())
                    .when(new UpdateLocalization(ID, "l-1", null, null, List.of(), "why", null, null, null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void anUpdateTakesOnlyARealTimeZone() {
            fixture.given(proposed(), approved(), localized(1))
                    .when(new UpdateLocalization(ID, "l-1", "Mars/Olympus", null, List.of("x"), "why", null, null,
                            null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void anUnknownOneCannotBeUpdated() {
            fixture.given(proposed(), approved(), localized(1))
                    .when(new UpdateLocalization(ID, "l-9", null, null, List.of("x"), "why", null, null, null))
                    .expectException(rejected(404, ProblemCode.LOCALIZATION_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void anUpdateCitesOnlyAReviewHeld() {
            fixture.given(proposed(), approved(), localized(1))
                    .when(new UpdateLocalization(ID, "l-1", null, null, List.of("x"), "why", null, "2020-Q1", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }
    }

    @Nested
    class Curation {
        static CurateContent curate(CurationApproach approach, String uri, ModuleId moduleId, String rationale) {
            return new CurateContent(ID, "c-1", approach, "Negotiation basics", uri, "Coursera", "Sales EMEA",
                    "Maria Lopez", "No module on negotiation", moduleId, rationale, null, null, null, null);
        }

        static ContentCurated curated() {
            return new ContentCurated(ID, "c-1", CurationApproach.MOOC, "Negotiation basics",
                    "https://www.coursera.org/learn/negotiation", "Coursera", "Sales EMEA", "Maria Lopez",
                    "No module on negotiation", DISCOVERY.moduleId(), "Short, rated 4.8, reps can take it on mobile",
                    List.of(), null);
        }

        @Test
        void recordsWhatByWhomForWhichGapAndWhy() {
            fixture.given(proposed(), approved())
                    .when(curate(CurationApproach.MOOC, "https://www.coursera.org/learn/negotiation",
                            DISCOVERY.moduleId(), "Short, rated 4.8, reps can take it on mobile"))
                    .expectEvents(curated());
        }

        @Test
        void needsARationale() {
            fixture.given(proposed(), approved())
                    .when(curate(CurationApproach.MOOC, null, null, " "))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void needsAnApproach() {
            fixture.given(proposed(), approved())
                    .when(curate(null, null, null, "fits"))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void takesOnlyAnHttpUri() {
            fixture.given(proposed(), approved())
                    .when(curate(CurationApproach.LIBRARY, "ftp://files.example.com/course", null, "fits"))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void namesOnlyAModuleOfTheCurrentCurriculum() {
            fixture.given(proposed(), approved(), pivoted())
                    .when(curate(CurationApproach.CUSTOMISED, null, OBJECTIONS.moduleId(), "fits"))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_MODULE))
                    .expectNoEvents();
        }

        @Test
        void isNotForARejectedProgram() {
            fixture.given(proposed(), new ProgramRejected(ID, "No budget"))
                    .when(curate(CurationApproach.CUSTOMISED, null, null, "fits"))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void citesOnlyAReviewHeld() {
            fixture.given(proposed(), approved())
                    .when(new CurateContent(ID, "c-1", CurationApproach.INTERNAL, "t", null, null, "bu", "c", "g",
                            null, "fits", null, null, "2019-Q2", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }

        @Test
        void isRetiredWithAReason() {
            fixture.given(proposed(), approved(), curated())
                    .when(new RetireCuration(ID, "c-1", "Course withdrawn by the provider", null, "2026-Q3", null))
                    .expectEvents(new CurationRetired(ID, "c-1", "Course withdrawn by the provider", List.of(),
                            "2026-Q3"));
        }

        @Test
        void aRetirementNeedsAReason() {
            fixture.given(proposed(), approved(), curated())
                    .when(new RetireCuration(ID, "c-1", null, null, null, null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void anUnknownOneCannotBeRetired() {
            fixture.given(proposed(), approved())
                    .when(new RetireCuration(ID, "c-9", "why", null, null, null))
                    .expectException(rejected(404, ProblemCode.CURATION_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void isRetiredOnce() {
            fixture.given(proposed(), approved(), curated(), new CurationRetired(ID, "c-1", "r", List.of(), null))
                    .when(new RetireCuration(ID, "c-1", "again", null, null, null))
                    .expectException(rejected(409, ProblemCode.CURATION_ALREADY_RETIRED))
                    .expectNoEvents();
        }

        @Test
        void aRetirementCitesOnlyAReviewHeld() {
            fixture.given(proposed(), approved(), curated())
                    .when(new RetireCuration(ID, "c-1", "why", null, "2001-Q1", null))
                    .expectException(rejected(409, ProblemCode.UNKNOWN_DECISION_REF))
                    .expectNoEvents();
        }
    }
}
