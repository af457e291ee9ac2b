package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/** What keeps a write safe: nothing on refusal, optimistic concurrency, idempotent retries, size limits. */
class CommandSafetyIT extends CommandSideIT {

    @Test
    void aRefusedCommandAppendsNothingAndSaysWhyWithAStableCode() {
        String p = openPartnership();
        long before = eventsOf(p);

        Http.Response noCharter = http.postJson("/api/partnerships/" + p + "/business-reviews",
                "{\"period\": \"2026-Q3\", \"attendees\": [\"CLO\"]}");
        Http.Response badSplit = http.putJson("/api/partnerships/" + p + "/cost-sharing", """
                {"currency": "EUR", "totalBudget": 100, "reason": "r",
                 "shares": [{"businessUnit": "Sales", "percent": 70}, {"businessUnit": "L&D", "percent": 20}]}""");
        Http.Response noReason = http.postJson("/api/partnerships/" + p + "/end", "{\"reason\": \" \"}");

        assertThat(noCharter.status()).isEqualTo(409);
        assertThat(noCharter.json().get("code").asText()).isEqualTo("NO_GOVERNANCE_CHARTER");
        assertThat(badSplit.json().get("code").asText()).isEqualTo("SHARES_MUST_TOTAL_100");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(eventsOf(p)).isEqualTo(before);
    }

    @Test
    void anUnknownPartnershipIs404() {
        Http.Response response = http.postJson("/api/partnerships/no-such/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"s\", \"description\": \"d\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("detail").asText()).isEqualTo("No such partnership: no-such");
    }

    @Test
    void anUnknownProgramIs404ByItsName() {
        Http.Response response = http.postJson("/api/programs/no-such/retirement", "{\"reason\": \"Done\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("detail").asText()).isEqualTo("No such program: no-such");
    }

    @Test
    void aStaleIfMatchIs412AndAppendsNothing() {
        String p = openPartnership();
        http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}");

        Http.Response stale = http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CLO\"]}", "If-Match", "\"0\"");
        Http.Response current = http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CLO\"], \"reason\": \"Monthly while it starts\"}",
                "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(eventsOf(p)).isEqualTo(3);
    }

    @Test
    void anIfMatchThatIsNoETagOfTheLedgerIs400() {
        String p = openPartnership();

        Http.Response response = http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CLO\"]}", "If-Match", "\"abc\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(eventsOf(p)).isEqualTo(1);
    }

    @Test
    void twoConcurrentWritesOnTheSameVersionNeverBothSucceed() throws Exception {
        String p = openPartnership();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Http.Response>> writes = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return http.putJson("/api/partnerships/" + p + "/governance-charter",
                            "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"Member " + i + "\"]}",
                            "If-Match", "\"0\"");
                })).toList();

        List<Integer> statuses = writes.stream().map(CompletableFuture::join).map(Http.Response::status).sorted().toList();

        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.get(1)).isIn(409, 412);
        assertThat(eventsOf(p)).isEqualTo(2);
    }

    @Test
    void twoConcurrentReviewsOfOnePeriodYieldOneReview() {
        String p = openPartnership();
        http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Integer> statuses = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return http.postJson("/api/partnerships/" + p + "/business-reviews",
                            "{\"period\": \"2026-Q3\", \"attendees\": [\"CLO\"]}").status();
                })).toList().stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        assertThat(eventsOf(p)).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndAppendsNothing() {
        long before = eventCount();

        Http.Response first = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "open-acme-1");
        Http.Response retry = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "open-acme-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOnce() {
        long before = eventCount();
        CyclicBarrier start = new CyclicBarrier(3);
        List<Http.Response> responses = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "open-acme-race");
                })).toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(Http.Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.json().get("partnershipId").asText()).containsOnly(
                responses.get(0).json().get("partnershipId").asText());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "open-acme-2");
        long before = eventCount();

        Http.Response reused = http.postJson("/api/partnerships", OPEN.replace("Acme Retail", "Other"),
                "Idempotency-Key", "open-acme-2");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirPrincipal() {
        Http.Response mine = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "shared-key");
        Http.Response partnersTry = Http.localhost(port).as("partner")
                .postJson("/api/partnerships", OPEN, "Idempotency-Key", "shared-key");

        assertThat(mine.status()).isEqualTo(201);
        assertThat(partnersTry.status()).as("a partner may not open partnerships at all").isEqualTo(403);
    }

    @Test
    void aBodyOver256KiBIs413() {
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";

        Http.Response response = http.postJson("/api/partnerships", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void theOpenApiDocumentDescribesEveryCommand() {
        String document = Http.localhost(port).get("/v3/api-docs").raw().body();

        assertThat(document).contains("/api/partnerships/{id}/candidates/{partnerId}/selection",
                "/api/programs/{id}/pivots", "/api/programs/{id}/impact/{impactId}/withdrawal",
                "Partnership Ledger: command-side", "\"scheme\":\"basic\"");
        assertThat(Http.localhost(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
