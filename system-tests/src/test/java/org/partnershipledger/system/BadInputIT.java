package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile client found: requests the container or the framework refused before the ledger's own handlers
 * (answered as HTML or Spring Boot's JSON), and input that failed deep down as a 500 or, worse, was recorded and
 * broke the read models. Each is now problem+json with a code from the catalogue, and a refused write records
 * nothing. Requests go over a raw socket, because a well-behaved HTTP client refuses to send most of them.
 */
class BadInputIT {

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = "manager";
    private static final String BOARD = "board";
    private static String partnership;

    @BeforeAll
    static void open() {
        partnership = ledger.commands(MANAGER).postJson("/api/partnerships", open("\"Sales onboarding is slow\""))
                .json().get("partnershipId").asText();
    }

    private static String open(String reason) {
        return """
                {"name": "Field sales academy", "client": "Acme Retail", "vision": "Productive in 90 days",
                 "kpis": [{"kpiId": "ttq", "name": "Time to quota", "unit": "days", "baseline": 120, "target": 90}],
                 "reason": %s}""".formatted(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/partnerships/a%2Fb/end", "/api/partnerships/%00/end", "/api/partnerships/%FF%FE/end",
            "/api/partnerships/%2e%2e%2f%2e%2e%2fetc/end", "/api/partnerships/%25/end",
            "/api/partnerships/%0d%0aX-Injected:1/end"})
    void aPathTheContainerCannotReadIsABadRequestProblem(String path) {
        Answer answer = send(ledger.commandPort(), "POST", path, MANAGER, "{\"reason\": \"r\"}");
        answer.assertProblem(400, "BAD_REQUEST");
    }

    @Test
    void aQueryStringWithUnencodedBracketsIsABadRequestProblem() {
        send(ledger.queryPort(), "GET", "/api/partnerships?q=[]", BOARD, null).assertProblem(400, "BAD_REQUEST");
    }

    @Test
    void anIdempotencyKeyWithAControlCharacterIsABadRequestProblem() {
        Answer answer = send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, open("\"r\""),
                "Idempotency-Key: a\u0001b");
        answer.assertProblem(400, "BAD_REQUEST");
    }

    @Test
    void traceIsAMethodNotAllowedProblem() {
        send(ledger.queryPort(), "TRACE", "/api/partnerships", BOARD, null).assertProblem(405, "METHOD_NOT_ALLOWED");
        send(ledger.commandPort(), "TRACE", "/api/partnerships", MANAGER, null)
                .assertProblem(405, "METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/partnerships?q=%00", "/api/partnerships/PID/history?actor=a%00b",
            "/api/analytics/due-diligence-outcomes?partnershipId=%00"})
    void aNulInAQueryParameterIsAValidationProblemNotAnInternalError(String path) {
        String user = path.startsWith("/api/analytics") ? "analyst" : BOARD;
        send(ledger.queryPort(), "GET", path.replace("PID", partnership), user, null)
                .assertProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void anAcceptHeaderThatCannotBeParsedIsANotAcceptableProblem() {
        send(ledger.queryPort(), "GET", "/api/partnerships", BOARD, null, "Accept: garbage")
                .assertProblem(406, "NOT_ACCEPTABLE");
        send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, open("\"r\""), "Accept: garbage")
                .assertProblem(406, "NOT_ACCEPTABLE");
    }

    @Test
    void aKeyGivenTwiceIsMalformedJsonAndRecordsNothing() {
        long before = events();
        String body = open("\"one\"").replaceFirst("\\}$", ", \"reason\": \"two\"}");
        send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, body).assertProblem(400, "MALFORMED_JSON");
        send(ledger.commandPort(), "POST", "/api/partnerships/" + partnership + "/end", MANAGER,
                "{\"reason\": \"a\", \"reason\": \"b\"}").assertProblem(400, "MALFORMED_JSON");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsMalformedAndNotCutOff() {
        String partnerId = ledger.commands(MANAGER).postJson("/api/partnerships/" + partnership + "/candidates",
                "{\"organizationId\": \"acme-learning\", \"name\": \"Acme\", \"role\": \"TRAINING_PROVIDER\"}")
                .json().get("partnerId").asText();
        long before = events();
        send(ledger.commandPort(), "POST", "/api/partnerships/" + partnership + "/candidates/" + partnerId
                + "/due-diligence", MANAGER, "{\"criterion\": \"EXPERTISE\", \"score\": 2.9, \"evidence\": \"e\"}")
                .assertProblem(400, "MALFORMED_JSON");
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "POST|/api/partnerships|{\"name\": \"n\", \"client\": \"c\", \"reason\": \"r\", \"kpis\": [null]}",
            "PUT|/api/partnerships/PID/strategy|{\"vision\": \"v\", \"reason\": \"r\", \"kpis\": [null]}",
            "PUT|/api/partnerships/PID/cost-sharing|{\"currency\": \"EUR\", \"totalBudget\": 1, \"shares\": [null]}",
            "POST|/api/programs|{\"partnershipId\": \"PID\", \"title\": \"t\", \"reason\": \"r\", "
                    + "\"modules\": [null]}"})
    void aNullInAListOfObjectsIsAValidationProblemAndRecordsNothing(String method, String path, String body) {
        long before = events();
        send(ledger.commandPort(), method, path.replace("PID", partnership), MANAGER, body.replace("PID", partnership))
                .assertProblem(400, "VALIDATION_FAILED");
        assertThat(events()).isEqualTo(before);
    }

    /** Recorded, a NUL stopped every read model the event reached (PostgreSQL text cannot hold it). */
    @Test
    void textWithANulIsAValidationProblemNamingTheFieldAndRecordsNothing() {
        long before = events();
        String body = open("\"r\"").replace("Productive in 90 days", "Productive\\u0000");
        Answer answer = send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, body);
        answer.assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("vision");
        send(ledger.commandPort(), "POST", "/api/partnerships/" + partnership + "/concerns", MANAGER,
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"s\", \"description\": \"a\\u0000b\"}")
                .assertProblem(400, "VALIDATION_FAILED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWebhookForAnOverlongOrNulPartnershipIdIsAValidationProblem() {
        for (String partnershipId : new String[] {"x".repeat(300), "a\\u0000b"}) {
            send(ledger.queryPort(), "POST", "/api/subscriptions", "integration", """
                    {"url": "http://localhost:9/hook", "types": ["ledger.program.*"], "partnershipId": "%s",
                     "secret": "0123456789abcdef0123"}""".formatted(partnershipId))
                    .assertProblem(400, "VALIDATION_FAILED");
        }
    }

    private static long events() {
        try (Connection db = DriverManager.getConnection(ledger.database, "postgres", "");
             ResultSet count = db.createStatement()
                     .executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        void assertProblem(int expectedStatus, String code) {
            assertThat(status).as(this::toString).isEqualTo(expectedStatus);
            assertThat(contentType).as(this::toString).startsWith("application/problem+json");
            assertThat(json().get("code").asText()).as(this::toString).isEqualTo(code);
        }
    }

    /** One request, exactly as written, over HTTP/1.1 with {@code Connection: close}. */
    static Answer send(int port, String method, String path, String user, String body, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
                .append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte, so indexes are offsets
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        String contentType = "";
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = end + 4;
        if (!chunked) {
            body.write(raw, at, raw.length - at);
        } else {
            for (int size; (size = Integer.parseInt(text.substring(at, text.indexOf("\r\n", at)).trim(), 16)) > 0; ) {
                at = text.indexOf("\r\n", at) + 2;
                body.write(raw, at, size);
                at += size + 2;
            }
        }
        return new Answer(status, contentType, body.toString(StandardCharsets.UTF_8));
    }
}
