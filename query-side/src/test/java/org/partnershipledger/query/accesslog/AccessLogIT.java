package org.partnershipledger.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.platform.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exports, audit packs and dead-letter reads are recorded in the access log, with who, what, when, the answer's
 * status and size; ADMIN reads it, no one else.
 */
@SecuredQuerySide
class AccessLogIT {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Http http;
    String partnership;

    @BeforeEach
    void aPartnership() {
        http = Http.localhost(port);
        partnership = "p-" + System.nanoTime();
        eventStore.publish(new GenericDomainEventMessage<>("Partnership", partnership, 0,
                new PartnershipOpened(new PartnershipId(partnership), "Field sales academy", "Acme Retail",
                        "Reps productive in 90 days", List.of()),
                MetaData.with("actor", "manager").and("reason", "Onboarding takes too long")));
        http.as("board").await("/api/partnerships/" + partnership + "/history", r -> r.status() == 200,
                Duration.ofSeconds(10));
    }

    @Test
    void anExportAndAnAuditPackAreInTheLogWithWhoWhatWhenAndTheAnswer() throws Exception {
        Instant before = Instant.now();
        Http.Response export = http.as("analyst").get("/api/export/events?partnershipId=" + partnership);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw().body()).contains(partnership);
        Http.Response pack = auditPack("board");
        assertThat(pack.status()).isEqualTo(200);

        JsonNode exported = entry("analyst", e -> e.get("path").asText().equals("/api/export/events")
                && e.get("partnershipId").asText().equals(partnership));
        assertThat(exported.get("roles")).extracting(JsonNode::asText).containsExactly("ANALYST");
        assertThat(exported.get("method").asText()).isEqualTo("GET");
        assertThat(exported.get("query").asText()).isEqualTo("partnershipId=" + partnership);
        assertThat(exported.get("status").asInt()).isEqualTo(200);
        assertThat(exported.get("bytes").asLong()).as("the streamed body, counted")
                .isEqualTo(export.raw().body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(Instant.parse(exported.get("at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(exported.get("requestId").asText()).isNotBlank();

        JsonNode packed = entry("board", e -> e.get("path").asText().endsWith("/audit-pack")
                && e.get("status").asInt() == 200 && e.get("partnershipId").asText().equals(partnership));
        assertThat(packed.get("roles")).extracting(JsonNode::asText).containsExactly("BOARD");
        assertThat(packed.get("path").asText()).isEqualTo("/api/partnerships/" + partnership + "/audit-pack");
        assertThat(packed.get("bytes").asLong()).isEqualTo(pack.raw().body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void refusalsAndDeadLetterReadsAreLoggedAndOtherReadsAreNot() {
        assertThat(http.as("board").get("/api/export/impact-facts.csv").status()).isEqualTo(403);
        assertThat(http.as("admin").get("/api/admin/dead-letters?processor=board-views").status()).isEqualTo(200);
        assertThat(http.as("board").get("/api/partnerships/" + partnership).status()).isEqualTo(200);

        JsonNode refused = entry("board", e -> e.get("path").asText().equals("/api/export/impact-facts.csv"));
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        JsonNode letters = entry("admin", e -> e.get("path").asText().equals("/api/admin/dead-letters"));
        assertThat(letters.get("query").asText()).isEqualTo("processor=board-views");
        assertThat(letters.get("status").asInt()).isEqualTo(200);
        assertThat(entries("?user=board&limit=1000")).as("a board read that is not sensitive")
                .noneMatch(e -> e.get("path").asText().equals("/api/partnerships/" + partnership));
    }

    @Test
    void onlyAdminReadsTheLog() {
        for (String role : List.of("board", "analyst", "manager", "integration", "partner")) {
            Http.Response refused = http.as(role).get("/api/admin/access-log");
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(http.get("/api/admin/access-log").status()).isEqualTo(401);
    }

    @Test
    void theLogIsFilteredByUserAndTimeAndLimited() {
        assertThat(http.as("analyst").get("/api/export/events?partnershipId=" + partnership).status())
                .isEqualTo(200);
        entry("analyst", e -> partnership.equals(e.path("partnershipId").asText()));

        assertThat(entries("?user=analyst")).allMatch(e -> e.get("user").asText().equals("analyst"));
        assertThat(entries("?user=analyst&from=" + Instant.now().plusSeconds(3600))).isEmpty();
        assertThat(entries("?user=analyst&to=" + Instant.now().minusSeconds(3600))).isEmpty();
        assertThat(entries("?limit=1")).hasSize(1);
        List<JsonNode> newestFirst = entries("?limit=50");
        assertThat(newestFirst).extracting(e -> Instant.parse(e.get("at").asText()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Http.Response tooMany = http.as("admin").get("/api/admin/access-log?limit=0");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    /** An audit pack as soon as its partnership's event is in a signed checkpoint (polled gently: each is logged). */
    private Http.Response auditPack(String user) throws InterruptedException {
        Http.Response pack = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            pack = http.as(user).get("/api/partnerships/" + partnership + "/audit-pack");
            if (pack.status() == 200) {
                return pack;
            }
            Thread.sleep(250);
        }
        return pack;
    }

    /** The newest entry of the user that matches, once its answer is complete (a streamed one completes after). */
    private JsonNode entry(String user, Predicate<JsonNode> wanted) {
        Http.Response log = http.as("admin").await("/api/admin/access-log?user=" + user + "&limit=1000",
                r -> r.status() == 200 && StreamSupport.stream(r.json().get("entries").spliterator(), false)
                        .anyMatch(e -> wanted.test(e) && !e.get("status").isNull()), Duration.ofSeconds(10));
        return StreamSupport.stream(log.json().get("entries").spliterator(), false)
                .filter(e -> wanted.test(e) && !e.get("status").isNull()).findFirst().orElseThrow();
    }

    private List<JsonNode> entries(String query) {
        Http.Response log = http.as("admin").get("/api/admin/access-log" + query);
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.json().get("count").asInt()).isEqualTo(log.json().get("entries").size());
        return StreamSupport.stream(log.json().get("entries").spliterator(), false).toList();
    }
}
