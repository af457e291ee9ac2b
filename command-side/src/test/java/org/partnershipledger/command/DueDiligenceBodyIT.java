package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The due-diligence body over HTTP: evidence is a list of references, and a client written when it was text keeps
 * working where that text was a document's address; any other text is refused with a code and a field to fix, and
 * nothing is recorded.
 */
class DueDiligenceBodyIT extends CommandSideIT {

    @Autowired
    ObjectMapper json;

    String assessments;

    @BeforeEach
    void candidate() {
        String partnership = openPartnership();
        String partner = http.postJson("/api/partnerships/" + partnership + "/candidates", """
                {"organizationId": "acme-learning", "name": "Acme Learning", "role": "TRAINING_PROVIDER"}""")
                .json().get("partnerId").asText();
        assessments = "/api/partnerships/" + partnership + "/candidates/" + partner + "/due-diligence";
    }

    @Test
    void referencesAndNotesAreRecordedAsRevision2() throws Exception {
        Http.Response response = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "notes": " Two of three would hire them again ",
                 "evidence": [{"type": "DOCUMENT", "ref": "https://dms.example/dd/calls.pdf", "title": "Calls"},
                              {"type": "BUSINESS_REVIEW", "ref": "2026-Q1"}]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode stored = lastStored();
        assertThat(stored.get("revision").asText()).isEqualTo("2");
        assertThat(stored.at("/payload/evidence/0/ref").asText()).isEqualTo("https://dms.example/dd/calls.pdf");
        assertThat(stored.at("/payload/evidence/1/type").asText()).isEqualTo("BUSINESS_REVIEW");
        assertThat(stored.at("/payload/notes").asText()).isEqualTo("Two of three would hire them again");
    }

    @Test
    void aSingleWebAddressIsOneDocument() throws Exception {
        Http.Response response = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "evidence": "https://dms.example/dd/calls.pdf"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(lastStored().at("/payload/evidence")).hasSize(1);
        assertThat(lastStored().at("/payload/evidence/0/type").asText()).isEqualTo("DOCUMENT");
    }

    @Test
    void textThatIsNoReferenceIsRefusedAndNothingIsRecorded() {
        long before = eventCount();

        Http.Response text = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "evidence": "Three reference calls"}""");
        Http.Response none = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "notes": "Three reference calls"}""");
        Http.Response empty = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "evidence": []}""");

        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("code").asText()).isEqualTo("EVIDENCE_INVALID");
        assertThat(text.json().get("detail").asText()).contains("evidence[0]", "DOCUMENT", "http(s) URI");
        assertThat(none.json().get("code").asText()).isEqualTo("EVIDENCE_REQUIRED");
        assertThat(empty.json().get("code").asText()).isEqualTo("EVIDENCE_REQUIRED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aReferenceThatDoesNotFitItsTypeIsRefused() {
        Http.Response response = http.postJson(assessments, """
                {"criterion": "EXPERTISE", "score": 4, "evidence": [{"type": "BUSINESS_REVIEW", "ref": "last spring"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("EVIDENCE_INVALID");
    }

    private JsonNode lastStored() throws Exception {
        String row = jdbc.sql("""
                        SELECT json_build_object('revision', payload_revision,
                                                 'payload', convert_from(payload, 'UTF8')::json)::text
                        FROM event_store.domain_event_entry
                        WHERE payload_type = 'org.partnershipledger.events.partnership.DueDiligenceAssessed'
                        ORDER BY global_index DESC LIMIT 1""")
                .query(String.class).single();
        return json.readTree(row);
    }
}
