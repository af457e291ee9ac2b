package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void anExportResumesAfterItsLastCompleteLine() throws Exception {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, "{\"id\":\"a\",\"position\":3}\n{\"id\":\"b\",\"position\":\"7\"}\n");

        assertThat(ExportCommand.lastPosition(file)).isEqualTo(7);
    }

    @Test
    void aHalfWrittenLastLineIsDroppedAndFetchedAgain() throws Exception {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, "{\"id\":\"a\",\"position\":3}\n{\"id\":\"b\",\"posi");

        assertThat(ExportCommand.lastPosition(file)).isEqualTo(3);
        assertThat(Files.readString(file)).isEqualTo("{\"id\":\"a\",\"position\":3}\n");
    }

    @Test
    void anAnswerThatBreaksOffIsReportedWithExitCode1AndItsHalfLineIsNotKept() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/export/events", exchange -> {
            exchange.getResponseHeaders().add("X-Ledger-Position", "9");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"id\":\"a\",\"position\":3}\n{\"id\":\"b\",\"posi"
                    .getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try {
            Path file = dir.resolve("events.ndjson");
            int exit = new CommandLine(new LedgerCommand()).execute("export", "events", "--out", file.toString(),
                    "--url", "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(exit).isEqualTo(1);
            assertThat(Files.readString(file)).isEqualTo("{\"id\":\"a\",\"position\":3}\n");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingOrEmptyFileStartsFromTheBeginning() throws Exception {
        assertThat(ExportCommand.lastPosition(dir.resolve("none.ndjson"))).as("from the first event").isEqualTo(-1);
        Path empty = Files.createFile(dir.resolve("empty.ndjson"));
        assertThat(ExportCommand.lastPosition(empty)).isEqualTo(-1);
    }

    @Test
    void aNewExportAsksFromTheFirstEventSoAxonServersEventZeroIsIncluded() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/export/events", exchange -> {
            asked.add(exchange.getRequestURI().getQuery());
            String body = exchange.getRequestURI().getQuery().equals("after=-1")
                    ? "{\"id\":\"a\",\"position\":0}\n" : "";
            exchange.getResponseHeaders().add("X-Ledger-Position", "0");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body.getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try {
            Path file = dir.resolve("events.ndjson");
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(new CommandLine(new LedgerCommand()).execute("export", "events", "--out", file.toString(),
                    "--url", url)).isZero();
            assertThat(new CommandLine(new LedgerCommand()).execute("export", "events", "--out", file.toString(),
                    "--url", url)).isZero();

            assertThat(asked).containsExactly("after=-1", "after=0");
            assertThat(Files.readString(file)).isEqualTo("{\"id\":\"a\",\"position\":0}\n");
        } finally {
            server.stop(0);
        }
    }
}
