package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * {@code kill -9} of a service under load, three times each: nothing acknowledged is lost, a client retrying with
 * its Idempotency-Key never makes a duplicate, and after restarts every read model, the stream and webhooks are
 * complete (read models equal to a fresh rebuild).
 */
class CrashRecoveryIT {

    static final int CYCLES = 3;

    @Test
    void theCommandSideKilledUnderLoadLosesNothingAcknowledged() throws Exception {
        try (LedgerRunner ledger = new LedgerRunner().startQuerySide("ledger.webhooks.initial-backoff=50ms");
             ServiceProcess commandSide = new ServiceProcess("command-side", ledger.database);
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            Run run = killedUnderLoad(commandSide, commandSide.as("manager"), ledger.queries("integration"), receiver);
            FaultKit.Load load = run.load();

            FaultKit.everySurfaceHasEveryEvent(ledger.database, ledger.queries("admin"), ledger.queries("integration"),
                    ledger.queryPort(), load, receiver, run.subscription());
            System.out.printf("Fault suite, command side killed %d times: %d commands acknowledged, %d requests with "
                    + "no answer, statuses %s, 0 lost, 0 duplicates, 0 differences%n", CYCLES,
                    load.acknowledged.size(), load.noAnswer.get(), load.statuses);
        }
    }

    @Test
    void theQuerySideKilledUnderLoadComesBackCompleteAndEqualToAFreshRebuild() throws Exception {
        try (LedgerRunner ledger = new LedgerRunner().startCommandSide();
             ServiceProcess querySide = new ServiceProcess("query-side", ledger.database,
                     "ledger.webhooks.initial-backoff=50ms", "ledger.webhooks.allow-private-targets=true");
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            Run run = killedUnderLoad(querySide, ledger.commands("manager"), querySide.as("integration"), receiver);
            FaultKit.Load load = run.load();

            Http admin = querySide.as("admin");
            FaultKit.everySurfaceHasEveryEvent(ledger.database, admin, querySide.as("integration"), querySide.port(),
                    load, receiver, run.subscription());
            JsonNode before = admin.get("/api/admin/consistency").json();
            for (JsonNode model : before.get("readModels")) {
                String name = model.get("name").asText();
                assertThat(admin.postJson("/api/admin/processors/" + name + "/replay", "").status()).isEqualTo(202);
                admin.await("/api/admin/processors/" + name, r -> !r.json().get("rebuild").get("completedAt").isNull(),
                        Duration.ofSeconds(120));
            }
            JsonNode rebuilt = admin.get("/api/admin/consistency").json();
            assertThat(rebuilt.get("consistent").asBoolean()).isTrue();
            for (JsonNode model : before.get("readModels")) {
                assertThat(ConsistencyIT.readModel(rebuilt, model.get("name").asText()).get("digest"))
                        .as("%s equal to a fresh rebuild", model.get("name").asText()).isEqualTo(model.get("digest"));
            }
            System.out.printf("Fault suite, query side killed %d times: %d commands acknowledged, %d webhook "
                    + "deliveries for %d events, 0 lost, 0 differences, %d read models equal to a fresh rebuild%n",
                    CYCLES, load.acknowledged.size(), receiver.positions.size(),
                    before.get("headPosition").asLong(), before.get("readModels").size());
        }
    }

    private record Run(FaultKit.Load load, String subscription) {
    }

    /**
     * Starts the victim, sets up a partnership with six programs and a webhook subscription, then kills the victim
     * {@link #CYCLES} times while six writers record impacts; answers once the writers have stopped.
     */
    private static Run killedUnderLoad(ServiceProcess victim, Http manager, Http integration,
                                       FaultKit.Receiver receiver) throws Exception {
        victim.start().awaitHealthy();
        List<String> programs = FaultKit.partnershipWithPrograms(manager, 5).ids();
        String subscription = receiver.subscribe(integration);
        FaultKit.Load load = new FaultKit.Load(() -> manager, programs, 6, 100);
        victim.killAndRestart(CYCLES);
        Thread.sleep(1_000);
        load.close();
        return new Run(load, subscription);
    }
}
