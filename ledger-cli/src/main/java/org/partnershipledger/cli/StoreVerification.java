package org.partnershipledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code ledger verify --store}: has the running ledger compare its whole event store with its audit log, and follows
 * the run until it ends. The comparison runs on the server because it needs the store; this side only starts it,
 * shows how far it got, and turns its outcome into an exit code: 0 VALID, 1 TAMPERED, 2 when there is no answer to
 * give (the run FAILED, or the ledger could not be asked).
 */
final class StoreVerification {

    static final String RUNS = "/api/admin/audit/verifications";

    private final LedgerApi api;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration pollEvery;
    private final ObjectMapper json = new ObjectMapper();

    StoreVerification(LedgerApi api, PrintWriter out, PrintWriter err, Duration pollEvery) {
        this.api = api;
        this.out = out;
        this.err = err;
        this.pollEvery = pollEvery;
    }

    int run() throws InterruptedException {
        try {
            // a run already going is answered instead of a second one, so asking again is harmless
            JsonNode run = read(api.post(RUNS));
            String follow = RUNS + "/" + run.path("id").asText();
            while (state(run).equals("RUNNING")) {
                showProgress(run);
                Thread.sleep(pollEvery.toMillis());
                run = read(api.getText(follow));
            }
            return outcome(run);
        } catch (LedgerApi.Failure failure) {
            err.println();
            err.println(failure.getMessage());
            return 2;
        }
    }

    private int outcome(JsonNode run) {
        String state = state(run);
        if (state.equals("VALID")) {
            showProgress(run);
            err.println();
            out.printf("VALID: the event store matches the audit log: %d events and %d checkpoints checked%n",
                    run.path("checkedEvents").asLong(), run.path("checkpointsChecked").asLong());
            return 0;
        }
        err.println();
        if (state.equals("TAMPERED")) {
            out.println("TAMPERED: " + finding(run.path("finding")));
            return 1;
        }
        String why = run.path("error").isTextual() ? run.path("error").asText()
                : run.path("finding").isObject() ? run.path("finding").path("detail").asText()
                : "no reason given; see the query side's log";
        err.println("The store verification " + run.path("id").asText() + " ended " + state + ": " + why);
        return 2;
    }

    /** Every field of the finding, a dash for those the server could not name (an event missing has no id). */
    static String finding(JsonNode finding) {
        return String.format("%s at position %s (log index %s, event id %s): %s", field(finding, "kind"),
                field(finding, "position"), field(finding, "logIndex"), field(finding, "eventId"),
                field(finding, "detail"));
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    private void showProgress(JsonNode run) {
        double progress = run.path("progress").asDouble(0);
        long total = run.path("totalEvents").asLong(0);
        err.printf("\rVerifying the store %s %5.1f%%  %d of %s events", ProgressBar.of(progress), progress * 100,
                run.path("checkedEvents").asLong(0), total > 0 ? Long.toString(total) : "?");
    }

    private static String state(JsonNode run) {
        return run.path("state").asText("");
    }

    private JsonNode read(String answer) {
        try {
            JsonNode run = json.readTree(answer);
            if (run == null || !run.path("id").isValueNode() || !run.path("state").isTextual()) {
                throw new LedgerApi.Failure("The ledger's answer is not a verification run: " + answer);
            }
            return run;
        } catch (JsonProcessingException e) {
            throw new LedgerApi.Failure("The ledger's answer is not JSON: " + e.getOriginalMessage());
        }
    }
}
