package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

/** Learning records recorded against curated content: evidence that a business unit sources or customises it. */
class CurationUseTest {

    static final List<Evidence> SOURCED = List.of(new Evidence(EvidenceType.XAPI_STATEMENT,
            "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "Sales EMEA sourced it"));

    FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(new FakePartnershipStatus().with(PARTNERSHIP, "ttq"));
        fixture.registerInjectableResource(ProgramTest.NOW);
    }

    static RecordCurationUse use(String curationId, List<Evidence> evidence) {
        return new RecordCurationUse(ID, curationId, evidence, null, null);
    }

    @Test
    void learningRecordsAreRecordedAgainstTheCuration() {
        fixture.given(proposed(), approved(), ProgramLifecycleTest.Curation.curated()).when(use("c-1", SOURCED))
                .expectEvents(new CurationUseRecorded(ID, "c-1", SOURCED));
    }

    @Test
    void itNeedsEvidence() {
        fixture.given(proposed(), approved(), ProgramLifecycleTest.Curation.curated()).when(use("c-1", List.of()))
                .expectException(rejected(400, ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void theEvidenceMustFitItsType() {
        fixture.given(proposed(), approved(), ProgramLifecycleTest.Curation.curated())
                .when(use("c-1", List.of(new Evidence(EvidenceType.XAPI_STATEMENT, "not-a-uuid", null))))
                .expectException(rejected(400, ProblemCode.EVIDENCE_INVALID)).expectNoEvents();
    }

    @Test
    void theCurationMustExist() {
        fixture.given(proposed(), approved()).when(use("c-9", SOURCED))
                .expectException(rejected(404, ProblemCode.CURATION_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void aRetiredCurationTakesNoMore() {
        fixture.given(proposed(), approved(), ProgramLifecycleTest.Curation.curated(),
                        new CurationRetired(ID, "c-1", "Replaced", List.of(), null)).when(use("c-1", SOURCED))
                .expectException(rejected(409, ProblemCode.CURATION_ALREADY_RETIRED)).expectNoEvents();
    }

    @Test
    void aRejectedProgramTakesNoMore() {
        fixture.given(proposed(), ProgramLifecycleTest.Curation.curated(), new ProgramRejected(ID, "No budget"))
                .when(use("c-1", SOURCED))
                .expectException(rejected(409, ProblemCode.PROGRAM_NOT_APPROVED)).expectNoEvents();
    }
}
