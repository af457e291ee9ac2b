package org.partnershipledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild a read model from the whole history with no downtime, showing progress until the "
                + "rebuilt read model has caught up and taken over.",
                "Exit codes: 0 done, 1 timed out, 2 the ledger is unreachable or the processor unknown."})
class ReplayCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "PROCESSOR", description = "The processor whose read model to rebuild (see ledger status).")
    String processor;

    @Option(names = "--timeout", defaultValue = "PT2H", description = "Give up waiting after this (default: 2 hours).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Start the rebuild and return at once.")
    boolean noWait;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        LedgerApi api = connection.api("admin");
        try {
            JsonNode started = json.readTree(api.post("/api/admin/processors/" + processor + "/replay"));
            Instant requestedAt = Instant.parse(started.get("rebuild").get("requestedAt").asText());
            System.err.printf("Rebuilding %s (requested %s)%n", processor, requestedAt);
            if (noWait) {
                return 0;
            }
            return await(api, requestedAt);
        } catch (LedgerApi.Failure failure) {
            if (failure.status == 404) {
                System.err.println("Unknown processor '" + processor + "'. Known: " + String.join(", ", known(api)));
            } else {
                System.err.println(failure.getMessage());
            }
            return 2;
        }
    }

    private int await(LedgerApi api, Instant requestedAt) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json.readTree(api.getText("/api/admin/processors/" + processor));
            JsonNode rebuild = status.get("rebuild");
            boolean done = !rebuild.get("completedAt").isNull()
                    && !Instant.parse(rebuild.get("completedAt").asText()).isBefore(requestedAt);
            double progress = done ? 1.0 : rebuild.get("progress").asDouble(0);
            long position = done ? status.get("position").asLong() : rebuild.get("position").asLong(0);
            System.err.printf("\r%s %5.1f%%  position %d of %d", ProgressBar.of(progress), progress * 100, position,
                    status.get("headPosition").asLong());
            if (done) {
                System.err.printf("%nRebuilt %s: took over at %s after %.1f s%n", processor,
                        rebuild.get("completedAt").asText(), (System.nanoTime() - started) / 1e9);
                return 0;
            }
            Thread.sleep(500);
        }
        System.err.printf("%nStill rebuilding after %s; the rebuild carries on (see ledger status)%n", timeout);
        return 1;
    }

    private List<String> known(LedgerApi api) {
        List<String> names = new ArrayList<>();
        try {
            json.readTree(api.getText("/api/admin/processors")).get("processors")
                    .forEach(p -> names.add(p.get("name").asText()));
        } catch (Exception e) {
            names.add("(could not list them: " + e.getMessage() + ")");
        }
        return names;
    }
}
