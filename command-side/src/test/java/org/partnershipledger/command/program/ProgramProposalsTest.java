package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.platform.web.ProblemCode;

class ProgramProposalsTest {

    FixtureConfiguration<Program> fixture;
    FakePartnershipStatus partnerships = new FakePartnershipStatus().with(PARTNERSHIP, "ttq", "nps");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerAnnotatedCommandHandler(new ProgramProposals(fixture.getRepository(), partnerships));
    }

    static ProposeProgram propose(PartnershipId partnership, List<String> kpis, String reason) {
        return new ProposeProgram(ID, partnership, "Consultative selling", List.of("Ask better questions"),
                "New sales reps", kpis, List.of(DISCOVERY, OBJECTIONS), reason);
    }

    @Test
    void aProgramInAGoingPartnershipStartsWithCurriculumVersionOne() {
        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, List.of("ttq"), "First cohort in Q3"))
                .expectEvents(proposed())
                .expectResultMessagePayload(0L);
    }

    @Test
    void anUnknownPartnershipIs404() {
        fixture.givenNoPriorActivity()
                .when(propose(new PartnershipId("nope"), List.of("ttq"), "why"))
                .expectException(rejected(404, ProblemCode.PARTNERSHIP_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void itTargetsOnlyKpisOfItsPartnership() {
        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, List.of("ttq", "revenue"), "why"))
                .expectException(rejected(409, ProblemCode.UNKNOWN_KPI))
                .expectNoEvents();
    }

    @Test
    void itTargetsAtLeastOneKpi() {
        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, List.of(), "why"))
                .expectException(rejected(400, ProblemCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void needsAReason() {
        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, List.of("ttq"), ""))
                .expectException(rejected(400, ProblemCode.REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void anEndedPartnershipTakesNoNewProgram() {
        partnerships.end(PARTNERSHIP);
        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, List.of("ttq"), "why"))
                .expectException(rejected(409, ProblemCode.PARTNERSHIP_ENDED))
                .expectNoEvents();
    }
}
