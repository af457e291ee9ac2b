package org.partnershipledger.command.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.DueDiligenceAssessed;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.PartnershipId;

/**
 * DueDiligenceAssessed revision 1 kept its evidence as free text; it is read as revision 2 through the services'
 * upcaster chain: a web address becomes one DOCUMENT reference, any other text becomes notes.
 */
class DueDiligenceEvidenceUpcastTest {

    private static final String TYPE = DueDiligenceAssessed.class.getName();
    private static final PartnershipId PARTNERSHIP = new PartnershipId("6f1c2a9e-3b4d-4e8f-9a17-5c2e0b7d4f61");
    private static final String CANDIDATE = "2d9f4b70-8e1a-4c6b-a3f5-9e0c7d21b8a6";

    static ProductionSerialization production;

    @BeforeAll
    static void start() {
        production = ProductionSerialization.start();
    }

    @AfterAll
    static void stop() {
        production.close();
    }

    @Test
    void freeTextEvidenceBecomesNotesWithNoReferences() throws IOException {
        Object read = production.read(TYPE, "1", fixture("DueDiligenceAssessed.r1.json"));

        assertThat(read).isEqualTo(new DueDiligenceAssessed(PARTNERSHIP, CANDIDATE, DueDiligenceCriterion.EXPERTISE,
                4, List.of(), "Three reference calls with retail sales academies"));
    }

    @Test
    void evidenceThatIsAWebAddressBecomesOneDocument() {
        Object read = production.read(TYPE, "1", revision1(" https://dms.acme-retail.example/dd/acme.pdf "));

        assertThat(read).isEqualTo(new DueDiligenceAssessed(PARTNERSHIP, CANDIDATE, DueDiligenceCriterion.EXPERTISE,
                4, List.of(new Evidence(EvidenceType.DOCUMENT, "https://dms.acme-retail.example/dd/acme.pdf", null)),
                null));
    }

    @Test
    void onlyAbsoluteHttpAddressesAreDocuments() {
        for (String text : List.of("dms.acme-retail.example/dd/acme.pdf", "ftp://files.example/acme.pdf",
                "mailto:dd@acme.example", "https://", "see https://dms.example/acme.pdf")) {
            assertThat(production.read(TYPE, "1", revision1(text)))
                    .isEqualTo(new DueDiligenceAssessed(PARTNERSHIP, CANDIDATE, DueDiligenceCriterion.EXPERTISE, 4,
                            List.of(), text));
        }
    }

    @Test
    void referencesWrittenUnderRevision1AreKept() {
        byte[] mislabelled = """
                {"partnershipId":"%s","partnerId":"%s","criterion":"EXPERTISE","score":4,
                 "evidence":[{"type":"BI_REPORT","ref":"bi://vendors/acme","title":null}]}"""
                .formatted(PARTNERSHIP.value(), CANDIDATE).getBytes(StandardCharsets.UTF_8);

        assertThat(production.read(TYPE, "1", mislabelled)).isEqualTo(new DueDiligenceAssessed(PARTNERSHIP, CANDIDATE,
                DueDiligenceCriterion.EXPERTISE, 4, List.of(new Evidence(EvidenceType.BI_REPORT, "bi://vendors/acme",
                null)), null));
    }

    @Test
    void aRevision2EventIsReadAsItIs() throws IOException {
        Object read = production.read(TYPE, "2", fixture("DueDiligenceAssessed.r2.json"));

        assertThat(read).isEqualTo(new DueDiligenceAssessed(PARTNERSHIP, CANDIDATE, DueDiligenceCriterion.EXPERTISE, 4,
                List.of(new Evidence(EvidenceType.DOCUMENT,
                                "https://dms.acme-retail.example/due-diligence/acme-learning/reference-calls.pdf",
                                "Reference calls, March 2026"),
                        new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q1", null)),
                "Three reference calls with retail sales academies"));
    }

    private static byte[] revision1(String evidence) {
        return """
                {"partnershipId":"%s","partnerId":"%s","criterion":"EXPERTISE","score":4,"evidence":"%s"}"""
                .formatted(PARTNERSHIP.value(), CANDIDATE, evidence).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DueDiligenceEvidenceUpcastTest.class.getResourceAsStream(
                "/" + GoldenEventsTest.FOLDER + "/" + name)) {
            return in.readAllBytes();
        }
    }
}
