package org.partnershipledger.command.program;

import static org.partnershipledger.command.common.Rejections.rejected;
import static org.partnershipledger.command.program.ProgramEvents.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.FakePartnershipStatus;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

/** Which learning records are a program's, and which figures they feed. */
class XapiMappingTest {

    static final String COURSE = "https://lms.example.com/courses/consultative-selling";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final XapiRule ASSESSMENT = new XapiRule(PASSED, "ttq", 2, XapiMeasure.SCORE_SCALED_MEAN, null, null);
    static final XapiRule SURVEY = new XapiRule("http://adlnet.gov/expapi/verbs/responded", "ttq", 1,
            XapiMeasure.SCORE_SCALED_MEAN, null, "https://ledger.example.com/xapi/region");

    FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(new FakePartnershipStatus().with(PARTNERSHIP, "ttq", "nps"));
        fixture.registerInjectableResource(ProgramTest.NOW);
    }

    static SetXapiMapping mapping(String reason, XapiRule... rules) {
        return new SetXapiMapping(ID, List.of(COURSE), List.of(), List.of(rules), reason, null);
    }

    static XapiMappingSet set(boolean replaced, XapiRule... rules) {
        return new XapiMappingSet(ID, List.of(COURSE), List.of(), List.of(rules), replaced);
    }

    @Test
    void aProgramIsMappedToItsActivitiesAndRules() {
        fixture.given(proposed(), approved()).when(mapping(null, ASSESSMENT, SURVEY))
                .expectSuccessfulHandlerExecution().expectEvents(set(false, ASSESSMENT, SURVEY));
    }

    @Test
    void aProposedProgramCanBeMappedBeforeItRuns() {
        fixture.given(proposed()).when(mapping(null, ASSESSMENT)).expectEvents(set(false, ASSESSMENT));
    }

    @Test
    void replacingAMappingNeedsAReason() {
        fixture.given(proposed(), set(false, ASSESSMENT)).when(mapping(null, SURVEY))
                .expectException(rejected(ProblemCode.REASON_REQUIRED.status().value(), ProblemCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(proposed(), set(false, ASSESSMENT)).when(mapping("Survey added", ASSESSMENT, SURVEY))
                .expectEvents(set(true, ASSESSMENT, SURVEY));
    }

    @Test
    void aMappingNamesAtLeastOneActivity() {
        fixture.given(proposed()).when(new SetXapiMapping(ID, List.of(), List.of(), List.of(ASSESSMENT), null, null))
                .expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void activitiesAreIris() {
        fixture.given(proposed()).when(new SetXapiMapping(ID, List.of("course 1"), List.of(), List.of(ASSESSMENT),
                null, null)).expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aMappingHasAtLeastOneRule() {
        fixture.given(proposed()).when(mapping(null)).expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aRuleNamesItsVerbByIri() {
        fixture.given(proposed()).when(mapping(null, new XapiRule("passed", "ttq", 2, XapiMeasure.COUNT, null, null)))
                .expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void statementsFeedLevelsOneToFourNotRoi() {
        fixture.given(proposed()).when(mapping(null, new XapiRule(PASSED, "ttq", 5, XapiMeasure.COUNT, null, null)))
                .expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aRuleNamesItsMeasure() {
        fixture.given(proposed()).when(mapping(null, new XapiRule(PASSED, "ttq", 2, null, null, null)))
                .expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aRuleIsGivenOnce() {
        fixture.given(proposed()).when(mapping(null, ASSESSMENT, ASSESSMENT))
                .expectException(rejected(ProblemCode.VALIDATION_FAILED.status().value(), ProblemCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aRuleFeedsAKpiTargetOfTheProgram() {
        fixture.given(proposed()).when(mapping(null, new XapiRule(PASSED, "nps", 2, XapiMeasure.COUNT, null, null)))
                .expectException(rejected(ProblemCode.UNKNOWN_KPI.status().value(), ProblemCode.UNKNOWN_KPI)).expectNoEvents();
    }

    @Test
    void aRejectedProgramIsNotMapped() {
        fixture.given(proposed(), new ProgramRejected(ID, "No budget")).when(mapping(null, ASSESSMENT))
                .expectException(rejected(ProblemCode.PROGRAM_NOT_APPROVED.status().value(), ProblemCode.PROGRAM_NOT_APPROVED)).expectNoEvents();
    }

    @Test
    void aRetiredProgramIsNotMapped() {
        fixture.given(proposed(), approved(), new ProgramRetired(ID, "Done")).when(mapping(null, ASSESSMENT))
                .expectException(rejected(ProblemCode.PROGRAM_RETIRED.status().value(), ProblemCode.PROGRAM_RETIRED)).expectNoEvents();
    }
}
