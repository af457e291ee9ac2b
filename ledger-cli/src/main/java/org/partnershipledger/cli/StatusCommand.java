package org.partnershipledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show every read model's processor.")
class StatusCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        try {
            JsonNode status = new ObjectMapper().readTree(connection.api("admin").getText("/api/admin/processors"));
            JsonNode head = status.path("headPosition");
            System.out.println(head.isNumber() ? "Head position " + head.asLong()
                    : "Head position unknown: the event store is not answering (lag and caught up unknown)");
            System.out.println();
            System.out.printf("%-24s %-10s %10s %8s %9s %-8s %s%n", "PROCESSOR", "STATE", "POSITION", "LAG",
                    "CAUGHT UP", "REBUILD", "LAST ERROR");
            for (JsonNode p : status.get("processors")) {
                JsonNode lag = p.path("lag");
                System.out.printf("%-24s %-10s %10d %8s %9s %-8s %s%n", p.get("name").asText(), p.get("state").asText(),
                        p.get("position").asLong(), lag.isNumber() ? lag.asText() : "?",
                        p.get("caughtUp").asBoolean() ? "yes" : "no",
                        rebuild(p.path("rebuild")), p.path("lastError").isNull() ? "" : p.path("lastError").asText());
            }
            return 0;
        } catch (LedgerApi.Failure failure) {
            System.err.println(failure.getMessage());
            return 2;
        }
    }

    /** A running rebuild's progress, or nothing. */
    private static String rebuild(JsonNode rebuild) {
        if (rebuild.isMissingNode() || rebuild.isNull() || !rebuild.path("completedAt").isNull()) {
            return "";
        }
        return String.format("%.0f%%", rebuild.path("progress").asDouble(0) * 100);
    }
}
