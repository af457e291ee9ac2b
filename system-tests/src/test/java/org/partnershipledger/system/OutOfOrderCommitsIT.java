package org.partnershipledger.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * Transactions commit in another order than they took their positions: concurrent writers on eight programs,
 * and a transaction held open while later ones commit. Every acknowledged event must still reach every surface,
 * once, in position order. (Before the event log keyed events by their own position it lost about one event in
 * twenty here: those that committed after a later position had.)
 */
class OutOfOrderCommitsIT {

    static final int HELD = 3;

    @Test
    void everyAcknowledgedEventReachesEverySurfaceOnceAndInOrder() throws Exception {
        try (LedgerRunner ledger = new LedgerRunner().start("ledger.webhooks.initial-backoff=50ms");
             FaultKit.Receiver receiver = new FaultKit.Receiver()) {
            Http manager = ledger.commands("manager");
            PartnershipLife life = new PartnershipLife(manager).live();
            List<String> programs = new ArrayList<>(FaultKit.approvedPrograms(manager, life.partnershipId, 7));
            programs.add(life.programId);
            String subscription = receiver.subscribe(ledger.queries("integration"));

            FaultKit.Load load = new FaultKit.Load(() -> manager, programs, 8, 0);
            for (int i = 0; i < HELD; i++) {
                holdOpenWhileOthersCommit(ledger.database, life.partnershipId, "held-" + i);
            }
            load.close();

            FaultKit.everySurfaceHasEveryEvent(ledger.database, ledger.queries("admin"), ledger.queries("integration"),
                    ledger.queryPort(), load, receiver, subscription);
            System.out.printf("Fault suite, out-of-order commits: %d commands acknowledged, %d held transactions, "
                    + "statuses %s, 0 lost, 0 differences%n", load.acknowledged.size(), HELD, load.statuses);
        }
    }

    /**
     * Appends a partnership's opening in a transaction that stays open for two seconds while the writers commit
     * later positions: the event takes its position first and commits last.
     */
    static void holdOpenWhileOthersCommit(String database, String template, String partnershipId) throws Exception {
        try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, ?, 0, type, to_char(now() AT TIME ZONE 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), payload_type, payload_revision,
                           convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'), meta_data
                      FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
                insert.setString(1, partnershipId);
                insert.setString(2, template);
                insert.setString(3, partnershipId);
                insert.setString(4, template);
                insert.executeUpdate();
            }
            Thread.sleep(2_000);
            db.commit();
        }
    }
}
