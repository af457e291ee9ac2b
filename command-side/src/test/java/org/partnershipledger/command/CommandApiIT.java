package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.partnershipledger.platform.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

/** The command API's contract over HTTP: what is stored, and how bad requests are answered. */
@ExtendWith(OutputCaptureExtension.class)
class CommandApiIT extends CommandSideIT {

    @Autowired
    ObjectMapper json;

    @Test
    void openingAPartnershipStoresOneEventWithWhoWhyAndWhichRequest() throws Exception {
        Http.Response response = http.postJson("/api/partnerships", OPEN, "X-Request-Id", "req-42");

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("partnershipId").asText();
        assertThat(response.raw().body()).isEqualTo("{\"partnershipId\":\"" + id + "\",\"version\":0}");
        assertThat(response.json().get("version").asLong()).isZero();
        assertThat(response.header("Location")).endsWith("/api/partnerships/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(response.header("X-Request-Id")).isEqualTo("req-42");

        var stored = jdbc.sql("""
                        SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                               convert_from(meta_data, 'UTF8') AS meta
                        FROM event_store.domain_event_entry WHERE aggregate_identifier = ?""")
                .param(id).query().listOfRows();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("payload_type"))
                .isEqualTo("org.partnershipledger.events.partnership.PartnershipOpened");
        assertThat(stored.get(0).get("payload_revision")).isEqualTo("1");
        JsonNode payload = json.readTree((String) stored.get(0).get("payload"));
        assertThat(payload.get("name").asText()).isEqualTo("Field sales academy");
        assertThat(payload.get("kpis").get(0).get("kpiId").asText()).isEqualTo("ttq");
        JsonNode meta = json.readTree((String) stored.get(0).get("meta"));
        assertThat(meta.get("actor").asText()).isEqualTo("manager");
        assertThat(meta.get("reason").asText()).isEqualTo("Sales onboarding takes too long");
        assertThat(meta.get("correlationId").asText()).isEqualTo("req-42");
        assertThat(meta.get("causationId").asText()).isNotBlank();
    }

    @Test
    void proposingAProgramInAnExistingPartnershipReturnsItsIdAndVersion() {
        String partnership = http.postJson("/api/partnerships", OPEN).json().get("partnershipId").asText();

        Http.Response response = http.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort in Q3"}""".formatted(partnership));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("programId").asText()).isNotBlank();
        assertThat(response.json().get("version").asLong()).isZero();
        assertThat(response.header("Location")).contains("/api/programs/");
    }

    @Test
    void aProgramInAnUnknownPartnershipIs404AndRecordsNothing() {
        long before = eventCount();

        Http.Response response = http.postJson("/api/programs",
                "{\"partnershipId\": \"no-such\", \"title\": \"T\", \"kpiTargets\": [\"ttq\"], \"reason\": \"R\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("PARTNERSHIP_NOT_FOUND");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aCommandOnAnUnknownPartnershipIs404AndLogsNoStackTrace(CapturedOutput output) {
        // a client error: any caller could otherwise write a stack trace of some 200 lines into the log per request
        Http.Response response = http.postJson("/api/partnerships/no-such-partnership/end",
                "{\"reason\": \"Done\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(output.getOut() + output.getErr()).doesNotContain("AggregateNotFoundException")
                .doesNotContain("trying to load");
    }

    @Test
    void aMissingReasonIs400WithTheFieldNamedAndRecordsNothing() {
        long before = eventCount();

        Http.Response response = http.postJson("/api/partnerships",
                "{\"name\": \"N\", \"client\": \"C\", \"reason\": \" \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anImpactUnitLongerThanTheLedgerKeepsIs400WithTheFieldNamedAndRecordsNothing() {
        long before = eventCount();

        Http.Response response = http.postJson("/api/programs/any-program/impact", """
                {"level": 1, "kpiId": "ttq", "value": 1, "unit": "%s", "periodStart": "2026-07-01",
                 "periodEnd": "2026-07-31", "source": "SURVEY"}""".formatted("u".repeat(101)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("unit");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400WithAStableCode() {
        Http.Response response = http.postJson("/api/partnerships", "{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void unknownFieldsAreRefusedRatherThanSilentlyDropped() {
        Http.Response response = http.postJson("/api/partnerships",
                "{\"name\": \"N\", \"client\": \"C\", \"reason\": \"R\", \"actor\": \"someone-else\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Http.Response response = http.post("/api/partnerships", "text/plain", "name=N");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void healthIsUpWhenTheEventStoreAnswers() {
        Http.Response health = http.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(Http.localhost(port).as("admin").get("/actuator/prometheus").raw().body())
                .contains("jvm_memory_used_bytes");
    }

}
