package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ledger verify --store}: starts a run on a stand-in query side and follows it to its end. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VerifyStoreTest {

    private static final String RUNS = "/api/admin/audit/verifications";

    private StandInLedger ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aRunThatGoesFromRunningToValidExits0() throws Exception {
        ledger = new StandInLedger()
                .on("POST", RUNS, StandInLedger.Answer.json(202, run("RUNNING", 40, 0.4, "null")))
                .on("GET", RUNS + "/run-1", StandInLedger.Answer.json(200, run("VALID", 100, 1.0, "null")));

        Cli.Run run = Cli.ledger("verify", "--store", "--url", ledger.url());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.err()).contains(ProgressBar.of(0.4)).contains("40 of 100 events");
        assertThat(run.out()).contains("VALID").contains("100 events");
        assertThat(ledger.requests).containsExactly("POST " + RUNS, "GET " + RUNS + "/run-1");
    }

    @Test
    void aRunThatEndsTamperedExits1AndPrintsTheFinding() throws Exception {
        String finding = "{\"kind\":\"CHANGED\",\"position\":17,\"logIndex\":16,\"eventId\":\"evt-16\","
                + "\"detail\":\"the stored payload is not the one logged\"}";
        ledger = new StandInLedger()
                .on("POST", RUNS, StandInLedger.Answer.json(202, run("RUNNING", 0, 0.0, "null")))
                .on("GET", RUNS + "/run-1", StandInLedger.Answer.json(200, run("RUNNING", 10, 0.1, "null")),
                        StandInLedger.Answer.json(200, run("TAMPERED", 17, 0.17, finding)));

        Cli.Run run = Cli.ledger("verify", "--store", "--url", ledger.url());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("TAMPERED").contains("CHANGED").contains("position 17")
                .contains("log index 16").contains("evt-16").contains("the stored payload is not the one logged");
    }

    @Test
    void aFailedRunExits2() throws Exception {
        ledger = new StandInLedger()
                .on("POST", RUNS, StandInLedger.Answer.json(202, run("FAILED", 3, 0.03, "null")));

        Cli.Run run = Cli.ledger("verify", "--store", "--url", ledger.url());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("FAILED");
    }

    @Test
    void anUnreachableLedgerExits2() throws Exception {
        ledger = new StandInLedger();
        String url = ledger.url();
        ledger.close();
        ledger = null;

        Cli.Run run = Cli.ledger("verify", "--store", "--url", url);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot reach the ledger");
    }

    private static String run(String state, long checked, double progress, String finding) {
        return "{\"id\":\"run-1\",\"requestedBy\":\"admin\",\"startedAt\":\"2026-03-01T09:00:00Z\",\"completedAt\":"
                + (state.equals("RUNNING") ? "null" : "\"2026-03-01T09:01:00Z\"") + ",\"state\":\"" + state
                + "\",\"checkedEvents\":" + checked + ",\"totalEvents\":100,\"progress\":" + progress
                + ",\"checkpointsChecked\":3,\"finding\":" + finding + "}";
    }
}
