package org.partnershipledger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export events (NDJSON CloudEvents, resumes an existing file) or impact facts (CSV).")
class ExportCommand implements Callable<Integer> {

    /** {@code after} for "from the first event", on PostgreSQL (positions from 1) and Axon Server (from 0). */
    static final long BEGINNING = -1;

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*\"?(\\d+)");

    @Parameters(index = "0", description = "events | impact-facts")
    String what;

    @Option(names = "--out", required = true, description = "The file to write (events: appended to, resumed).")
    Path out;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        try {
            return switch (what) {
                case "events" -> events();
                case "impact-facts" -> impactFacts();
                default -> {
                    System.err.println("Unknown export '" + what + "': use events or impact-facts");
                    yield 2;
                }
            };
        } catch (LedgerApi.Failure failure) {
            System.err.println(failure.getMessage());
            return 2;
        }
    }

    private int events() throws Exception {
        long after = lastPosition(out);
        HttpResponse<InputStream> response = connection.api("analyst").get("/api/export/events?after=" + after);
        long head = response.headers().firstValue("X-Ledger-Position").map(Long::parseLong).orElse(0L);
        long lines = 0;
        long reached = after;
        boolean complete = true;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.endsWith("}")) { // the answer broke off inside this event
                    complete = false;
                    break;
                }
                file.write(line);
                file.write('\n');
                reached = positionOf(line);
                if (++lines % 1000 == 0) {
                    progress(reached, head, lines);
                }
            }
        } catch (IOException brokenOff) {
            complete = false;
        }
        if (!complete) {
            System.err.printf("%nThe export broke off after %d events, at position %d of %d. Run the same command "
                    + "again to resume.%n", lines, reached, head);
            return 1;
        }
        progress(head, head, lines);
        System.err.printf("%nExported %d events after position %d to %s%n", lines, after, out);
        return 0;
    }

    private int impactFacts() throws Exception {
        HttpResponse<InputStream> response = connection.api("analyst").get("/api/export/impact-facts.csv");
        try (InputStream in = response.body(); OutputStream file = Files.newOutputStream(out)) {
            long bytes = in.transferTo(file);
            System.err.printf("Exported %d bytes of impact facts to %s%n", bytes, out);
        }
        return 0;
    }

    private static void progress(long position, long head, long lines) {
        System.err.printf("\r%s position %d of %d, %d events", ProgressBar.of(head <= 0 ? 1.0 : (double) Math.max(0, position) / head),
                position, head, lines);
    }

    /**
     * The position of the last complete line of an earlier export, so a new one continues after it; {@link
     * #BEGINNING} for a new file.
     */
    static long lastPosition(Path file) throws Exception {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return BEGINNING;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            long start = end - 1;
            // drop a half-written last line (an export that was interrupted)
            raf.seek(end - 1);
            if (raf.read() != '\n') {
                while (start > 0) {
                    raf.seek(--start);
                    if (raf.read() == '\n') {
                        break;
                    }
                }
                raf.setLength(start == 0 ? 0 : start + 1);
                end = raf.length();
                if (end == 0) {
                    return BEGINNING;
                }
                start = end - 1;
            }
            long lineStart = start;
            while (lineStart > 0) {
                raf.seek(lineStart - 1);
                if (raf.read() == '\n') {
                    break;
                }
                lineStart--;
            }
            raf.seek(lineStart);
            byte[] line = new byte[(int) (end - lineStart)];
            raf.readFully(line);
            return positionOf(new String(line, StandardCharsets.UTF_8));
        }
    }

    static long positionOf(String line) {
        Matcher matcher = POSITION.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
