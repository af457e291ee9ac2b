package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * Two command sides and two query sides on one PostgreSQL, as docs/operations.md describes them. Writers send
 * each command to the nodes in turn, so each command side keeps stale copies of the programs the other one
 * changes: a copy that is behind must never write an event (the store's unique key refuses it) and the writer must
 * never see a 500 (the command runs again on the stored aggregate). Then one command side is killed with -9 under
 * load: every acknowledged command is stored once, projected, exported and delivered, and the consistency check
 * is clean.
 */
class TwoOfEachIT {

    @Test
    void twoCommandSidesAndTwoQuerySidesKeepEveryAcknowledgedCommandThroughAKill() throws Exception {
        try (LedgerRunner ledger = new LedgerRunner().start();
             ServiceProcess commandB = new ServiceProcess("command-side", ledger.database);
             ServiceProcess queryB = new ServiceProcess("query-side", ledger.database,
                     "ledger.node.name=query-b", "ledger.webhooks.allow-private-targets=true",
                     "ledger.webhooks.initial-backoff=50ms");
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            commandB.start().awaitHealthy();
            queryB.start().awaitHealthy();
            Http managerA = ledger.commands("manager");
            Http managerB = commandB.as("manager");
            FaultKit.Programs programs = FaultKit.partnershipWithPrograms(managerA, 2);
            String subscription = receiver.subscribe(queryB.as("integration"));

            // every program is changed through both nodes in turn: each node's copy is stale at every other command
            AtomicInteger turn = new AtomicInteger();
            Supplier<Http> inTurn = () -> turn.getAndIncrement() % 2 == 0 ? managerA : managerB;
            FaultKit.Load load = new FaultKit.Load(inTurn, programs.ids(), 6, 20);
            Thread.sleep(4_000);
            assertThat(load.unexpected).as("answers other than 201 and 503 with both command sides up").isEmpty();
            assertThat(load.statuses.keySet()).as("every command acknowledged while both run").containsOnly(201);
            int bothUp = load.acknowledged.size();

            commandB.kill(); // the writers' commands sent to it now get no answer, and are sent again, same key
            Thread.sleep(3_000);
            load.close();
            System.out.printf("Two command sides: %d commands acknowledged with both up, %d in all; statuses %s, "
                    + "%d requests without an answer%n", bothUp, load.acknowledged.size(), load.statuses,
                    load.noAnswer.get());

            FaultKit.everySurfaceHasEveryEvent(ledger.database, queryB.as("admin"), queryB.as("integration"),
                    queryB.port(), load, receiver, subscription);
            for (Http admin : List.of(ledger.queries("admin"), queryB.as("admin"))) {
                admin.await("/api/admin/consistency?digests=false",
                        r -> r.status() == 200 && r.json().get("consistent").asBoolean(), Duration.ofSeconds(60));
            }
        }
    }
}
