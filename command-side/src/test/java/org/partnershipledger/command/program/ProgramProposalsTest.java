package org.partnershipledger.command.program;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.command.partnership.PartnershipReader;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;

class ProgramProposalsTest {

    static final PartnershipId PARTNERSHIP = new PartnershipId("p-1");
    static final ProgramId PROGRAM = new ProgramId("prog-1");
    static final List<CurriculumModule> MODULES = List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery"));

    FixtureConfiguration<Program> fixture;
    PartnershipReader partnerships = mock(PartnershipReader.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerAnnotatedCommandHandler(new ProgramProposals(fixture.getRepository(), partnerships));
    }

    static ProposeProgram propose(PartnershipId partnership, String reason) {
        return new ProposeProgram(PROGRAM, partnership, "Consultative selling", List.of("Ask better questions"),
                "New sales reps", List.of("ttq"), MODULES, reason);
    }

    @Test
    void proposingAProgramInAKnownPartnershipStartsCurriculumVersionOne() {
        when(partnerships.exists(PARTNERSHIP)).thenReturn(true);
        when(partnerships.kpiIds(PARTNERSHIP)).thenReturn(Optional.of(Set.of("ttq")));

        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, "First cohort in Q3"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgramProposed(PROGRAM, PARTNERSHIP, "Consultative selling",
                        List.of("Ask better questions"), "New sales reps", List.of("ttq"), MODULES, 1))
                .expectResultMessagePayload(0L);
    }

    @Test
    void cannotProposeAProgramInAnUnknownPartnership() {
        PartnershipId unknown = new PartnershipId("nope");
        when(partnerships.exists(unknown)).thenReturn(false);

        fixture.givenNoPriorActivity()
                .when(propose(unknown, "why"))
                .expectException(LedgerRejection.NotFound.class)
                .expectExceptionMessage("No such partnership: nope")
                .expectNoEvents();
    }

    @Test
    void cannotProposeAProgramWithoutAReason() {
        when(partnerships.exists(PARTNERSHIP)).thenReturn(true);

        fixture.givenNoPriorActivity()
                .when(propose(PARTNERSHIP, ""))
                .expectException(LedgerRejection.Invalid.class)
                .expectNoEvents();
    }
}
