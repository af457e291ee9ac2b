package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

class ProgramTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-10-15T09:00:00Z"), ZoneOffset.UTC);

    FixtureConfiguration<Program> fixture;
    FakePartnershipStatus partnerships = new FakePartnershipStatus().with(PARTNERSHIP, "ttq");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(partnerships);
        fixture.registerInjectableResource(NOW);
    }

    @Nested
    class CoCreation {
        @Test
        void addsAModuleDesignedByBothSides() {
            fixture.given(proposed())
                    .when(new CoCreateModule(ID, new ModuleId("m-3"), "Role plays", List.of("Top seller"),
                            List.of("Learning designer"), null))
                    .expectEvents(new ModuleCoCreated(ID, new ModuleId("m-3"), "Role plays", List.of("Top seller"),
                            List.of("Learning designer"), 1));
        }

        @Test
        void needsBothSides() {
            fixture.given(proposed())
                    .when(new CoCreateModule(ID, new ModuleId("m-3"), "Role plays", List.of("Top seller"), List.of(), null))
                    .expectException(rejected(409, ProblemCode.CO_CREATION_NEEDS_BOTH_SIDES))
                    .expectNoEvents();
        }

        @Test
        void afterApprovalTheCurriculumChangesOnlyByPivot() {
            fixture.given(proposed(), approved())
                    .when(new CoCreateModule(ID, new ModuleId("m-3"), "Role plays", List.of("a"), List.of("b"), null))
                    .expectException(rejected(409, ProblemCode.CURRICULUM_LOCKED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ApprovalAndRejection {
        @Test
        void approves() {
            fixture.given(proposed())
                    .when(new ApproveProgram(ID, "Head of Sales", null))
                    .expectEvents(approved());
        }

        @Test
        void approvesOnlyAProposedProgram() {
            fixture.given(proposed(), approved())
                    .when(new ApproveProgram(ID, "Head of Sales", null))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_PROPOSED))
                    .expectNoEvents();
        }

        @Test
        void rejectsWithAReason() {
            fixture.given(proposed())
                    .when(new RejectProgram(ID, "Budget cut", null))
                    .expectEvents(new ProgramRejected(ID, "Budget cut"));
        }

        @Test
        void aRejectionNeedsAReason() {
            fixture.given(proposed())
                    .when(new RejectProgram(ID, " ", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Localisation {
        @Test
        void adaptsAnApprovedProgramToARegion() {
            fixture.given(proposed(), approved())
                    .when(new LocalizeProgram(ID, "l-1", "LATAM", "es", "America/Mexico_City", List.of("Local cases"), null))
                    .expectEvents(new ProgramLocalized(ID, "l-1", "LATAM", "es", "America/Mexico_City",
                            List.of("Local cases"), 1));
        }

        @Test
        void needsApproval() {
            fixture.given(proposed())
                    .when(new LocalizeProgram(ID, "l-1", "LATAM", "es", "America/Mexico_City", List.of(), null))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void needsARealTimeZone() {
            fixture.given(proposed(), approved())
                    .when(new LocalizeProgram(ID, "l-1", "LATAM", "es", "Mars/Olympus", List.of(), null))
                    .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void happensOncePerRegionAndLanguage() {
            fixture.given(proposed(), approved(), new ProgramLocalized(ID, "l-1", "LATAM", "es", "UTC", List.of()))
                    .when(new LocalizeProgram(ID, "l-2", "latam", "ES", "UTC", List.of(), null))
                    .expectException(rejected(409, ProblemCode.ALREADY_LOCALIZED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Cohorts {
        @Test
        void areScheduledForAnApprovedProgram() {
            fixture.given(proposed(), approved())
                    .when(new ScheduleCohort(ID, "co-1", "EMEA", LocalDate.parse("2026-09-01"), 20, null))
                    .expectEvents(cohort("co-1", 20));
        }

        @Test
        void needApproval() {
            fixture.given(proposed())
                    .when(new ScheduleCohort(ID, "co-1", "EMEA", LocalDate.parse("2026-09-01"), 20, null))
                    .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void recordTheirDelivery() {
            fixture.given(proposed(), approved(), cohort("co-1", 20))
                    .when(new RecordCohortDelivery(ID, "co-1", LocalDate.parse("2026-09-30"), 18, "Ana", null))
                    .expectEvents(new CohortDelivered(ID, "co-1", LocalDate.parse("2026-09-30"), 18, "Ana"));
        }

        @Test
        void deliveryOfAnUnknownCohortIs404() {
            fixture.given(proposed(), approved())
                    .when(new RecordCohortDelivery(ID, "co-9", LocalDate.parse("2026-09-30"), 18, "Ana", null))
                    .expectException(rejected(404, ProblemCode.COHORT_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteMoreThanParticipated() {
            fixture.given(proposed(), approved(), cohort("co-1", 20))
                    .when(new RecordCohortDelivery(ID, "co-1", LocalDate.parse("2026-09-30"), 21, "Ana", null))
                    .expectException(rejected(409, ProblemCode.COMPLETIONS_EXCEED_PARTICIPANTS))
                    .expectNoEvents();
        }

        @Test
        void deliveryIsRecordedOnce() {
            fixture.given(proposed(), approved(), cohort("co-1", 20),
                            new CohortDelivered(ID, "co-1", LocalDate.parse("2026-09-30"), 18, "Ana"))
                    .when(new RecordCohortDelivery(ID, "co-1", LocalDate.parse("2026-10-01"), 18, "Ana", null))
                    .expectException(rejected(409, ProblemCode.COHORT_ALREADY_DELIVERED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Retirement {
        @Test
        void retiresWithAReason() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "Replaced by v2 program", null))
                    .expectEvents(new ProgramRetired(ID, "Replaced by v2 program"));
        }

        @Test
        void needsAReason() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "", null))
                    .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aRetiredProgramTakesNoNewWork() {
            fixture.given(proposed(), approved(), new ProgramRetired(ID, "done"))
                    .when(new ScheduleCohort(ID, "co-1", "EMEA", LocalDate.parse("2026-09-01"), 20, null))
                    .expectException(rejected(409, ProblemCode.PROGRAM_RETIRED))
                    .expectNoEvents();
        }

        @Test
        void anEndedPartnershipsProgramTakesNoCommand() {
            partnerships.end(PARTNERSHIP);
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "why", null))
                    .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                    .expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(proposed(), approved())
                    .when(new RetireProgram(ID, "why", 0L))
                    .expectException(rejected(412, ProblemCode.VERSION_MISMATCH))
                    .expectNoEvents();
        }
    }
}
