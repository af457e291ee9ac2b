package org.partnershipledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.platform.web.ProblemCode;

class DecisionsTest {

    @Test
    void noEvidenceIsAnEmptyList() {
        assertThat(Decisions.assertEvidence(null)).isEmpty();
        assertThat(Decisions.assertEvidence(List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DOCUMENT, https://wiki.example.com/q3-minutes.pdf", "BUSINESS_REVIEW, 2026-Q3",
            "BUSINESS_REVIEW, 2026-09", "XAPI_STATEMENT, 6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
            "BI_REPORT, ttq-dashboard"})
    void acceptsAReferenceThatFitsItsType(EvidenceType type, String ref) {
        assertThat(Decisions.assertEvidence(List.of(new Evidence(type, " " + ref + " ", " Q3 "))))
                .containsExactly(new Evidence(type, ref, "Q3"));
    }

    @ParameterizedTest
    @CsvSource({"DOCUMENT, minutes.pdf", "DOCUMENT, ftp://files.example.com/a", "BUSINESS_REVIEW, Q3 2026",
            "BUSINESS_REVIEW, 2026-Q5", "XAPI_STATEMENT, statement-1", "BI_REPORT, ' '"})
    void refusesAReferenceThatDoesNotFitItsType(EvidenceType type, String ref) {
        assertInvalid(List.of(new Evidence(type, ref, null)));
    }

    @Test
    void refusesEvidenceWithoutATypeOrAnItemThatIsNull() {
        assertInvalid(List.of(new Evidence(null, "https://example.com", null)));
        assertInvalid(Collections.singletonList(null));
    }

    @Test
    void refusesMoreThanFiftyReferencesAndATitleOverFiveHundredCharacters() {
        List<Evidence> many = new ArrayList<>();
        for (int i = 0; i <= Decisions.MAX_EVIDENCE; i++) {
            many.add(new Evidence(EvidenceType.BI_REPORT, "report-" + i, null));
        }
        assertInvalid(many);
        assertInvalid(List.of(new Evidence(EvidenceType.BI_REPORT, "r", "t".repeat(501))));
    }

    @Test
    void aDecisionRefNamesAReviewHeldThere() {
        assertThatCode(() -> Decisions.assertDecisionRef(null, Set.of())).doesNotThrowAnyException();
        assertThatCode(() -> Decisions.assertDecisionRef("2026-Q3", Set.of("2026-Q3"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Decisions.assertDecisionRef("2026-Q4", Set.of("2026-Q3")))
                .isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ProblemCode.UNKNOWN_DECISION_REF);
                    assertThat(rejection.status()).isEqualTo(409);
                });
    }

    @Test
    void anApproverSitsOnTheSteeringGroup() {
        assertThatCode(() -> Decisions.assertSteeringMember(" CLO ", Set.of("CLO"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Decisions.assertSteeringMember("Intern", Set.of("CLO")))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(ProblemCode.APPROVER_NOT_STEERING_MEMBER));
        assertThatThrownBy(() -> Decisions.assertSteeringMember(null, Set.of("CLO")))
                .isInstanceOf(LedgerRejection.class);
    }

    private static void assertInvalid(List<Evidence> evidence) {
        assertThatThrownBy(() -> Decisions.assertEvidence(evidence))
                .isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ProblemCode.EVIDENCE_INVALID);
                    assertThat(rejection.status()).isEqualTo(400);
                });
    }
}
