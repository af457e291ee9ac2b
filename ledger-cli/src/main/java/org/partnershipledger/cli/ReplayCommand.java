package org.partnershipledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild a read model from the whole history with no downtime, showing progress until the "
                + "rebuilt read model has caught up and taken over.",
                "While waiting, a ledger that does not answer for a while (restarting, or its database down) is "
                        + "asked again until the timeout: the rebuild carries on, or resumes when it is back.",
                "Exit codes: 0 done, 1 timed out, 2 the ledger is unreachable (at the start, or still at the "
                        + "timeout) or the processor unknown."})
class ReplayCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "PROCESSOR", arity = "0..1",
            description = "The processor whose read model to rebuild (see ledger status).")
    String processor;

    @Option(names = "--all", description = "Rebuild every read model at once (they share one read of the store).")
    boolean all;

    @Option(names = "--timeout", defaultValue = "PT2H", description = "Give up waiting after this (default: 2 hours).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Start the rebuild and return at once.")
    boolean noWait;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (all == (processor != null)) {
            System.err.println("Name one processor to rebuild, or --all (see ledger status).");
            return 2;
        }
        LedgerApi api = connection.api("admin");
        try {
            // each rebuild is done once it has completed after it was asked for (the server's clock, both)
            Map<String, Instant> requested = new LinkedHashMap<>();
            if (all) {
                JsonNode started = json.readTree(api.post("/api/admin/processors/replay"));
                started.get("processors").forEach(p -> requested.put(p.get("name").asText(),
                        Instant.parse(p.get("rebuild").get("requestedAt").asText())));
                System.err.printf("Rebuilding %d read models: %s%n", requested.size(),
                        String.join(", ", requested.keySet()));
            } else {
                JsonNode started = json.readTree(api.post("/api/admin/processors/" + processor + "/replay"));
                Instant requestedAt = Instant.parse(started.get("rebuild").get("requestedAt").asText());
                requested.put(processor, requestedAt);
                System.err.printf("Rebuilding %s (requested %s)%n", processor, requestedAt);
            }
            if (noWait) {
                return 0;
            }
            return await(api, requested);
        } catch (LedgerApi.Failure failure) {
            if (failure.status == 404) {
                System.err.println("Unknown processor '" + processor + "'. Known: " + String.join(", ", known(api)));
            } else {
                System.err.println(failure.getMessage());
            }
            return 2;
        }
    }

    private int await(LedgerApi api, Map<String, Instant> requested) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Instant> waiting = new LinkedHashMap<>(requested);
        String unanswered = null;
        while (System.nanoTime() < deadline) {
            double least = 1.0;
            long position = -1;
            long head = -1;
            unanswered = null;
            for (Map.Entry<String, Instant> rebuilding : List.copyOf(waiting.entrySet())) {
                String name = rebuilding.getKey();
                JsonNode status;
                try {
                    status = json.readTree(api.getText("/api/admin/processors/" + name));
                } catch (LedgerApi.Failure failure) {
                    if (failure.refused()) {
                        throw failure;
                    }
                    // not there for now (restarting, or its database not answering: 503): the rebuild carries on
                    // there, or resumes when the service is back, so keep asking until the timeout
                    unanswered = failure.getMessage();
                    break;
                }
                JsonNode rebuild = status.get("rebuild");
                head = status.get("headPosition").asLong(head);
                if (!rebuild.get("completedAt").isNull()
                        && !Instant.parse(rebuild.get("completedAt").asText()).isBefore(rebuilding.getValue())) {
                    waiting.remove(name);
                    System.err.printf("\rRebuilt %s: took over at %s after %.1f s%s%n", name,
                            rebuild.get("completedAt").asText(), (System.nanoTime() - started) / 1e9, " ".repeat(30));
                } else if (rebuild.get("progress").asDouble(0) <= least) {
                    least = rebuild.get("progress").asDouble(0);
                    position = rebuild.get("position").asLong(0);
                }
            }
            if (waiting.isEmpty()) {
                return 0;
            }
            if (unanswered != null) {
                System.err.printf("\r%s; asking again%n", unanswered);
                Thread.sleep(1_000);
                continue;
            }
            System.err.printf("\r%s %5.1f%%  %s", ProgressBar.of(least), least * 100, waiting.size() == 1
                    ? "position " + position + " of " + head
                    : waiting.size() + " of " + requested.size() + " read models still rebuilding");
            Thread.sleep(500);
        }
        if (unanswered != null) {
            System.err.printf("%nNo answer from the ledger at the end of %s: %s%n", timeout, unanswered);
            return 2;
        }
        System.err.printf("%nStill rebuilding after %s: %s; the rebuild carries on (see ledger status)%n", timeout,
                String.join(", ", waiting.keySet()));
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
