package org.partnershipledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Is every read model complete and equal to what the event store says? Compares each read "
                + "model with the event store, safely on a running ledger, and prints every difference.",
                "Exit codes: 0 consistent, 1 differences found (or timed out), 2 the ledger is unreachable."})
class CheckCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--no-digests", description = "Skip the digest of each read model's tables (faster on a big store).")
    boolean noDigests;

    @Option(names = "--timeout", defaultValue = "PT1H", description = "Give up waiting after this (default: 1 hour).")
    Duration timeout;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        LedgerApi api = connection.api("admin");
        try {
            JsonNode status = json.readTree(api.post("/api/admin/consistency/checks?digests=" + !noDigests));
            String follow = "/api/admin/consistency/checks/" + status.get("id").asText();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (status.get("state").asText().equals("RUNNING")) {
                double progress = status.get("progress").asDouble();
                System.err.printf("\rChecking %s %5.1f%%", ProgressBar.of(progress), progress * 100);
                if (System.nanoTime() > deadline) {
                    System.err.printf("%nStill checking after %s; see %s%n", timeout, follow);
                    return 1;
                }
                Thread.sleep(300);
                status = json.readTree(api.getText(follow));
            }
            System.err.printf("\rChecking %s %5.1f%%%n", ProgressBar.of(1), 100.0);
            if (status.get("state").asText().equals("FAILED")) {
                System.err.println("The check failed: " + status.get("error").asText());
                return 2;
            }
            return report(status.get("report"), System.out);
        } catch (LedgerApi.Failure failure) {
            System.err.println(failure.getMessage());
            return 2;
        }
    }

    /** Prints what was compared and every difference listed; 0 when there is none. */
    static int report(JsonNode report, PrintStream out) {
        out.printf("Event store head: position %d%n", report.get("headPosition").asLong());
        out.printf("%-24s %10s %10s %8s %11s  %s%n", "read model", "position", "checked", "pending", "differences",
                "digest");
        for (JsonNode model : report.get("readModels")) {
            out.printf("%-24s %10d %10d %8d %11d  %s%n", model.get("name").asText(), model.get("position").asLong(),
                    model.get("checked").asLong(), model.get("pending").asLong(), model.get("differences").asLong(),
                    model.get("digest").isNull() ? "-" : model.get("digest").asText());
        }
        long differences = report.get("differenceCount").asLong();
        for (JsonNode difference : report.get("differences")) {
            out.printf("DIFFERENT  %s  %s  position %s: %s%n", difference.get("readModel").asText(),
                    difference.get("aggregate").asText("-"),
                    difference.get("position").isNull() ? "-" : difference.get("position").asText(),
                    difference.get("problem").asText());
        }
        if (differences > report.get("differences").size()) {
            out.printf("... and %d more%n", differences - report.get("differences").size());
        }
        out.println(differences == 0 ? "Consistent: every read model is complete and equal to the event store."
                : differences + " difference(s) found.");
        return differences == 0 ? 0 : 1;
    }
}
