package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StatusCommandTest {

    @Test
    void whileTheEventStoreIsNotAnsweringTheStatusStillShowsEveryProcessor() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/admin/processors", exchange -> {
            byte[] body = """
                    {"headPosition": null, "processors": [{"name": "event-log", "state": "ERROR", "segments": 1,
                     "position": 41, "headPosition": null, "lag": null, "replayProgress": 1.0, "caughtUp": false,
                     "lastError": "StatusRuntimeException: UNAVAILABLE: io exception", "rebuild": null}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new LedgerCommand()).execute("status",
                    "--url", "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(exit).isZero();
        } finally {
            System.setOut(out);
            server.stop(0);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Head position unknown").contains("event-log").contains("ERROR")
                .contains("UNAVAILABLE");
        assertThat(text.lines().filter(line -> line.startsWith("event-log")).findFirst().orElseThrow())
                .matches("event-log\\s+ERROR\\s+41\\s+\\?\\s+no.*");
    }
}
