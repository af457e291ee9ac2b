package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.system.RawHttp.Answer;

/**
 * What a hostile client found: requests the container or the framework refused before the ledger's own handlers
 * (answered as HTML or Spring Boot's JSON), and input that failed deep down as a 500 or, worse, was recorded and
 * broke the read models. Each is now problem+json with a code from the catalogue, and a refused write records
 * nothing. Requests go over a raw socket, because a well-behaved HTTP client refuses to send most of them.
 */
class BadInputIT {

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    private static final String MANAGER = "manager";
    private static final String BOARD = "board";
    private static final int MEGABYTE = 1 << 20;
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
                + "/due-diligence", MANAGER, "{\"criterion\": \"EXPERTISE\", \"score\": 2.9, \"evidence\": \"https://dms.example/dd/e.pdf\"}")
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

    /** Spring Security's firewall refused them with an empty 400: no JSON, no code. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PROPFIND", "FUZZ", "MKCOL"})
    void aMethodNoPathTakesIsAMethodNotAllowedProblem(String method) {
        send(ledger.commandPort(), method, "/api/partnerships/" + partnership + "/end", MANAGER, "{\"reason\": \"r\"}")
                .assertProblem(405, "METHOD_NOT_ALLOWED");
        send(ledger.queryPort(), method, "/api/partnerships", BOARD, null).assertProblem(405, "METHOD_NOT_ALLOWED");
    }

    /** PostgreSQL cannot compare with a time before 4713 BC or after 294276 AD: that was a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/pivots?from=-1000000000-01-01T00:00:00Z", "/api/pivots?to=%2B1000000000-12-31T23:59:59Z",
            "/api/export/events?fromTime=-1000000000-01-01T00:00:00Z",
            "/api/export/events?toTime=%2B1000000000-12-31T23:59:59Z"})
    void aTimeOutsideWhatTheDatabaseHoldsIsAValidationProblem(String path) {
        String user = path.startsWith("/api/export") ? "analyst" : BOARD;
        send(ledger.queryPort(), "GET", path, user, null).assertProblem(400, "VALIDATION_FAILED");
    }

    /** Read as days since 1970, 20260630 was a date in the year 57440, and was recorded. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20260630", "\"\""})
    void aDateThatIsNotIsoTextIsMalformedAndRecordsNothing(String dueDate) {
        long before = events();
        String body = open("\"r\"").replace("\"target\": 90", "\"target\": 90, \"dueDate\": " + dueDate);
        send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, body).assertProblem(400, "MALFORMED_JSON");
        assertThat(events()).isEqualTo(before);
    }

    /** An impact period from the year -999999999 was recorded, and the impact-facts read model dead-lettered it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01", "0000-01-01", "+10000-01-01"})
    void aDateOutsideTheYears1To9999IsAValidationProblemNamingTheFieldAndRecordsNothing(String dueDate) {
        long before = events();
        String body = open("\"r\"").replace("\"target\": 90", "\"target\": 90, \"dueDate\": \"" + dueDate + "\"");
        Answer answer = send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, body);
        answer.assertProblem(400, "VALIDATION_FAILED");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("kpis[0].dueDate");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * minVersion waits only for what the event store holds: a version no command answered is refused and an id
     * nothing was recorded for is not found, both at once (each waited 5 s for a 503 no retry could cure); a version
     * recorded but not yet in the read model is still waited for, then 503 with Retry-After.
     */
    @Test
    void minVersionWaitsOnlyForAVersionTheStoreHolds() {
        long start = System.nanoTime();
        send(ledger.queryPort(), "GET", "/api/partnerships/" + partnership + "?minVersion=999", BOARD, null)
                .assertProblem(400, "VALIDATION_FAILED");
        send(ledger.queryPort(), "GET", "/api/partnerships/" + UUID.randomUUID() + "?minVersion=0", BOARD, null)
                .assertProblem(404, "PARTNERSHIP_NOT_FOUND");
        send(ledger.queryPort(), "GET", "/api/programs/" + UUID.randomUUID() + "/curriculum?minVersion="
                + Long.MAX_VALUE, BOARD, null).assertProblem(404, "PROGRAM_NOT_FOUND");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        StreamingEventProcessor views = ledger.querySide.getBean(EventProcessingConfiguration.class)
                .eventProcessor("board-views", StreamingEventProcessor.class).orElseThrow();
        views.shutDown();
        try {
            long version = ledger.commands(MANAGER).postJson("/api/partnerships/" + partnership + "/concerns",
                    "{\"raisedBy\": \"CLIENT\", \"subject\": \"s\", \"description\": \"d\"}").json()
                    .get("version").asLong();
            Answer notYet = send(ledger.queryPort(), "GET", "/api/partnerships/" + partnership + "?minVersion="
                    + version, BOARD, null);
            notYet.assertProblem(503, "NOT_YET_CONSISTENT");
            assertThat(notYet.headers().get("retry-after")).isEqualTo("1");
        } finally {
            views.start();
        }
    }

    /** Over the limit (256 KiB) is 413 however the size is told: in Content-Length, or only by the chunks. */
    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsAnnouncedOrChunked() {
        long before = events();
        byte[] big = open("\"" + "x".repeat(MEGABYTE) + "\"").getBytes(StandardCharsets.UTF_8);
        RawHttp.Request post = RawHttp.Request.of("POST", "/api/partnerships").as(MANAGER)
                .header("Content-Type: application/json").withBody(big);
        RawHttp.send(ledger.commandPort(), post).assertProblem(413, "PAYLOAD_TOO_LARGE");
        RawHttp.send(ledger.commandPort(), post.sentChunked()).assertProblem(413, "PAYLOAD_TOO_LARGE");
        RawHttp.Request subscribe = RawHttp.Request.of("POST", "/api/subscriptions").as("integration")
                .header("Content-Type: application/json").withBody(big);
        RawHttp.send(ledger.queryPort(), subscribe.sentChunked()).assertProblem(413, "PAYLOAD_TOO_LARGE");
        RawHttp.send(ledger.queryPort(), RawHttp.Request.of("GET", "/api/partnerships").as(BOARD).withBody(big))
                .assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A Content-Length that lies: one over the limit is refused at once, without waiting for a body that never
     * comes; one shorter than the body makes the body what it announced (cut short, so malformed) and the rest is
     * not read as another request; one that is not a number, or next to chunked encoding, is a bad request.
     */
    @Test
    void aContentLengthThatLiesIsRefused() {
        long before = events();
        RawHttp.Request post = RawHttp.Request.of("POST", "/api/partnerships").as(MANAGER)
                .header("Content-Type: application/json");
        long start = System.nanoTime();
        RawHttp.send(ledger.commandPort(), post.header("Content-Length: 10000000").withBody("{\"name\"".getBytes(
                StandardCharsets.UTF_8)), 10_000).assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        byte[] body = (open("\"r\"") + "POST /api/partnerships HTTP/1.1\r\nHost: x\r\n\r\n" + open("\"r\""))
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.send(ledger.commandPort(), post.header("Content-Length: 20").withBody(body))
                .assertProblem(400, "MALFORMED_JSON");
        for (String length : new String[] {"Content-Length: -1", "Content-Length: abc", "Content-Length: 1, 2"}) {
            Answer answer = RawHttp.send(ledger.commandPort(), post.header(length).withBody(body));
            answer.assertProblem(400, "BAD_REQUEST");
        }
        // with chunks, Content-Length does not count (RFC 9112): the chunks say how long the body is
        RawHttp.send(ledger.commandPort(), post.header("Content-Length: 5").withBody(body).sentChunked())
                .assertProblem(400, "MALFORMED_JSON");
        RawHttp.send(ledger.commandPort(), post.header("Content-Length: 5").withBody(open("\"" + "x".repeat(MEGABYTE)
                + "\"").getBytes(StandardCharsets.UTF_8)).sentChunked()).assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertThat(events()).isEqualTo(before);
    }

    /** Jackson stopped after the first JSON value and ignored the rest: {"..."} GET /x was a valid body. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" x", " {}", "\r\n\r\nGET / HTTP/1.1", "]"})
    void anythingAfterTheBodysJsonValueIsMalformedAndRecordsNothing(String after) {
        long before = events();
        send(ledger.commandPort(), "POST", "/api/partnerships", MANAGER, open("\"r\"") + after)
                .assertProblem(400, "MALFORMED_JSON");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A client that sends the head and half of the body, then nothing, is cut off once the connection timeout
     * (10 s) passes, and holds nobody up meanwhile: twenty of them at once, and other requests are answered and
     * health is UP all the while.
     */
    @Test
    void aClientThatStallsHalfwayThroughItsBodyIsCutOffAndHoldsNobodyUp() throws Exception {
        long before = events();
        byte[] body = open("\"r\"").getBytes(StandardCharsets.UTF_8);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("localhost", i % 2 == 0 ? ledger.commandPort() : ledger.queryPort());
                String path = i % 2 == 0 ? "/api/partnerships" : "/api/subscriptions";
                RawHttp.Request head = RawHttp.Request.of("POST", path).as(i % 2 == 0 ? MANAGER : "integration")
                        .header("Content-Type: application/json").header("Content-Length: " + body.length);
                socket.getOutputStream().write(head.head(socket.getPort()));
                socket.getOutputStream().write(body, 0, body.length / 2);
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            long stalledAt = System.nanoTime();
            long start = System.nanoTime();
            for (int port : List.of(ledger.commandPort(), ledger.queryPort())) {
                Http.Response health = Http.localhost(port).get("/actuator/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("UP");
            }
            assertThat(ledger.queries(BOARD).get("/api/partnerships/" + partnership).status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

            List<Long> cutOffAfter = new ArrayList<>();
            for (Socket socket : stalled) {
                socket.setSoTimeout(40_000);
                String answer = readWhatComes(socket);
                cutOffAfter.add(Duration.ofNanos(System.nanoTime() - stalledAt).toSeconds());
                assertThat(answer).as("a stalled client gets a problem or nothing").satisfiesAnyOf(
                        text -> assertThat(text).isEmpty(),
                        text -> assertThat(text).contains("application/problem+json").contains("BAD_REQUEST")
                                .startsWith("HTTP/1.1 400"));
            }
            System.out.println("BadInputIT: stalled clients cut off after (s) " + cutOffAfter);
            assertThat(cutOffAfter).allSatisfy(seconds -> assertThat(seconds).isLessThan(25));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(events()).isEqualTo(before);
    }

    /** What the server sends until it closes the connection (empty if it closes without a word). */
    private static String readWhatComes(Socket socket) throws IOException {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketException reset) {
            return "";
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

    /** One request, exactly as written, over HTTP/1.1 with {@code Connection: close}; a JSON body if not null. */
    static Answer send(int port, String method, String path, String user, String body, String... headers) {
        RawHttp.Request request = RawHttp.Request.of(method, path).as(user);
        for (String header : headers) {
            request = request.header(header);
        }
        return RawHttp.send(port, body == null ? request : request.json(body));
    }
}
