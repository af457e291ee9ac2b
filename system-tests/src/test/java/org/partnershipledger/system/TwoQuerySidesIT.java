package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * One command side and two query-side nodes on one PostgreSQL: both nodes serve every read (read-your-writes on
 * either), the processors are split between the nodes, both streams deliver, a webhook subscription is delivered
 * by one node at a time, the audit log signs each tree size once, killing a node lets the other take over its
 * processors with nothing lost or doubled, and a rebuild asked for on both nodes runs once and is served by both.
 */
class TwoQuerySidesIT {

    /** Axon's claim timeout (10 s) plus its claim interval (5 s), with room for a busy machine: docs/operations.md. */
    static final Duration TAKE_OVER = Duration.ofSeconds(45);

    @Test
    void twoQuerySidesServeTheSameLedgerAndEitherCarriesOnAlone() throws Exception {
        String[] common = {"ledger.webhooks.initial-backoff=50ms", "ledger.webhooks.allow-private-targets=true",
                "ledger.audit.checkpoint-every=25"};
        try (LedgerRunner ledger = new LedgerRunner().startCommandSide();
             ServiceProcess a = new ServiceProcess("query-side", ledger.database, with(common, "ledger.node.name=query-a"));
             ServiceProcess b = new ServiceProcess("query-side", ledger.database, with(common, "ledger.node.name=query-b"));
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            a.start().awaitHealthy();
            b.start().awaitHealthy();
            Http manager = ledger.commands("manager");
            CompletableFuture<List<SseClient.Message>> streamA = stream(a, 20);
            CompletableFuture<List<SseClient.Message>> streamB = stream(b, 20);

            // read-your-writes on either node
            FaultKit.Programs programs = FaultKit.partnershipWithPrograms(manager, 3);
            PartnershipLife life = programs.life();
            for (ServiceProcess node : List.of(a, b)) {
                Http.Response read = node.as("board").get("/api/partnerships/" + life.partnershipId + "?minVersion="
                        + life.partnershipVersion);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json().get("version").asLong()).isEqualTo(life.partnershipVersion);
                assertThat(node.as("board").get("/api/programs/" + life.programId + "?minVersion="
                        + life.programVersion).status()).isEqualTo(200);
            }

            // the processors are split between the two nodes, not all held by the first one up
            long split = System.nanoTime();
            String claimants = "SELECT DISTINCT owner FROM query_side.token_entry WHERE owner IS NOT NULL";
            while (FaultKit.strings(ledger.database, claimants).size() < 2) {
                assertThat(System.nanoTime() - split).as("the processors split between the nodes within 60 s")
                        .isLessThan(Duration.ofSeconds(60).toNanos());
                Thread.sleep(250);
            }
            System.out.printf("The processors were split between the two nodes within %d ms: %s%n",
                    (System.nanoTime() - split) / 1_000_000, FaultKit.strings(ledger.database,
                            "SELECT owner || ' ' || count(*) FROM query_side.token_entry GROUP BY owner"));

            // the streams of both nodes deliver the same events, and the checkpoints signed meanwhile
            List<Long> streamedA = positions(streamA.get());
            assertThat(positions(streamB.get())).as("both nodes stream the same events").isEqualTo(streamedA);

            // one webhook subscription, both nodes up: every event exactly once
            String subscription = receiver.subscribe(b.as("integration"));
            List<Long> stored = FaultKit.longs(ledger.database,
                    "SELECT global_index FROM event_store.domain_event_entry ORDER BY 1");
            long head = stored.get(stored.size() - 1);
            b.as("integration").await("/api/subscriptions/" + subscription,
                    r -> r.json().get("position").asLong() >= head, Duration.ofSeconds(60));
            Thread.sleep(1_000); // a second node delivering would have done so by now
            synchronized (receiver.positions) {
                assertThat(receiver.positions).as("each event delivered once while both nodes run")
                        .doesNotHaveDuplicates().containsExactlyElementsOf(stored);
            }

            // under load, kill -9 node a, which holds half the processors
            List<String> owners = FaultKit.strings(ledger.database,
                    "SELECT DISTINCT owner FROM query_side.token_entry WHERE owner IS NOT NULL");
            System.out.println("Token claims before the kill: " + owners);
            CompletableFuture<List<SseClient.Message>> checkpointsA = checkpoints(a);
            CompletableFuture<List<SseClient.Message>> checkpointsB = checkpoints(b);
            Thread.sleep(500);
            FaultKit.Load load = new FaultKit.Load(() -> manager, programs.ids(), 4, 100);
            JsonNode announcedA = FaultKit.read(checkpointsA.get().get(0).data()).findValue("treeSize");
            JsonNode announcedB = FaultKit.read(checkpointsB.get().get(0).data()).findValue("treeSize");
            assertThat(announcedA).as("the stream of node a announces a checkpoint").isNotNull();
            assertThat(announcedB).as("the stream of node b announces the same checkpoint").isEqualTo(announcedA);
            Thread.sleep(1_000);
            a.kill();
            long killed = System.nanoTime();
            Thread.sleep(3_000);
            load.close();
            List<Long> afterKill = FaultKit.longs(ledger.database,
                    "SELECT global_index FROM event_store.domain_event_entry ORDER BY 1");
            long lastHead = afterKill.get(afterKill.size() - 1);
            b.as("admin").await("/api/admin/processors", r -> r.status() == 200
                    && r.json().get("processors").findValues("position").stream().allMatch(p -> p.asLong() == lastHead),
                    TAKE_OVER);
            System.out.printf("Query node b took over every processor %d ms after query node a was killed%n",
                    (System.nanoTime() - killed) / 1_000_000);
            FaultKit.everySurfaceHasEveryEvent(ledger.database, b.as("admin"), b.as("integration"), b.port(), load,
                    receiver, subscription);
            Map<Long, Integer> deliveries = new HashMap<>();
            synchronized (receiver.positions) {
                receiver.positions.forEach(p -> deliveries.merge(p, 1, Integer::sum));
            }
            long doubled = deliveries.values().stream().filter(n -> n > 1).count();
            assertThat(doubled).as("at most the batch in flight at the kill is delivered twice")
                    .isLessThanOrEqualTo(100);

            // node a back; a rebuild asked for on b, and again on a while it runs, runs once and both serve it
            a.start().awaitHealthy();
            JsonNode before = b.as("admin").get("/api/admin/consistency").json();
            CompletableFuture<Http.Response> askedOnB = CompletableFuture.supplyAsync(() -> b.as("admin")
                    .post("/api/admin/processors/board-views/replay", "application/json", ""));
            Thread.sleep(50);
            Http.Response onA = a.as("admin").post("/api/admin/processors/board-views/replay", "application/json", "");
            Http.Response onB = askedOnB.get();
            assertThat(onB.status()).as(onB.toString()).isEqualTo(202);
            assertThat(onA.status()).as(onA.toString()).isEqualTo(202);
            assertThat(onA.json().at("/rebuild/requestedAt")).as("the second ask joins the rebuild the first started")
                    .isEqualTo(onB.json().at("/rebuild/requestedAt"));
            for (ServiceProcess node : List.of(a, b)) {
                node.as("admin").await("/api/admin/processors/board-views",
                        r -> !r.json().get("rebuild").get("completedAt").isNull(), Duration.ofSeconds(120));
            }
            for (ServiceProcess node : List.of(a, b)) {
                JsonNode after = node.as("admin").await("/api/admin/consistency",
                        r -> r.status() == 200 && r.json().get("consistent").asBoolean(), Duration.ofSeconds(60)).json();
                assertThat(ConsistencyIT.readModel(after, "board-views").get("digest"))
                        .isEqualTo(ConsistencyIT.readModel(before, "board-views").get("digest"));
                Http.Response read = node.as("board").get("/api/partnerships/" + life.partnershipId);
                assertThat(read.status()).isEqualTo(200);
            }

            // each node reports every processor at the head, the ones the other node holds included
            for (ServiceProcess node : List.of(a, b)) {
                node.as("admin").await("/api/admin/processors", r -> r.status() == 200 && r.json().get("processors")
                        .findValues("caughtUp").stream().allMatch(JsonNode::asBoolean), Duration.ofSeconds(30));
            }

            // the audit log: one key, and every checkpoint signs a tree size of its own
            List<String> checkpointed = FaultKit.strings(ledger.database,
                    "SELECT tree_size FROM query_side.audit_checkpoint ORDER BY 1");
            assertThat(checkpointed).isNotEmpty().doesNotHaveDuplicates();
            assertThat(FaultKit.strings(ledger.database, "SELECT fingerprint FROM query_side.checkpoint_signing_key"))
                    .as("one signing key for both nodes").hasSize(1);
            System.out.printf("Two query sides: %d events, %d webhook deliveries (%d twice, across the kill), "
                    + "%d checkpoints, one rebuild%n", afterKill.size(), deliveries.values().stream()
                    .mapToInt(Integer::intValue).sum(), doubled, checkpointed.size());
        }
    }

    private static String[] with(String[] common, String more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** The first {@code count} events of a node's stream from the start. */
    private static CompletableFuture<List<SseClient.Message>> stream(ServiceProcess node, int count) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SseClient.read(node.port(), "integration", "/api/stream?after=0", null, count,
                        Duration.ofSeconds(90), SseClient.Message::isLogEvent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The first signed checkpoint a node's stream announces live. */
    private static CompletableFuture<List<SseClient.Message>> checkpoints(ServiceProcess node) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SseClient.read(node.port(), "integration", "/api/stream?types=ledger.audit.*", null, 1,
                        Duration.ofSeconds(60), message -> !message.isLogEvent());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<Long> positions(List<SseClient.Message> messages) {
        return messages.stream().map(m -> Long.parseLong(m.id())).toList();
    }
}
