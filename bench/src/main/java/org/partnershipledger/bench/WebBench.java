package org.partnershipledger.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.program.PivotCurriculum;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;

/**
 * The board's pages (issue 17): with a partnership and a program of 10,000 events, how long the web application
 * takes to serve the partnership page (header and the timeline's first page) and the program page (curriculum and
 * scorecard), p95 over repeated requests from loopback, so the time is the server's. The web application runs from
 * its built jar, as {@code ./ledger up} runs it, signed in as a board member.
 */
final class WebBench {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 200;

    private final LedgerUnderTest ledger;
    private final CommandMix mix;
    private final Report report;
    private final Path webJar;

    WebBench(LedgerUnderTest ledger, CommandMix mix, Report report, Path webJar) {
        this.ledger = ledger;
        this.mix = mix;
        this.report = report;
        this.webJar = webJar;
    }

    void run(int events) throws Exception {
        if (!Files.isRegularFile(webJar)) {
            throw new IllegalStateException("The board's web application is not built: " + webJar
                    + " (./mvnw -DskipTests install)");
        }
        System.out.println("\nThe board's pages, a partnership and a program of " + String.format("%,d", events)
                + " events");
        PartnershipId partnership = mix.newPartnership("Board pages");
        ProgramId program = mix.newApprovedProgram(partnership);
        CommandGateway gateway = ledger.gateway();
        LedgerUnderTest.actAsManager();
        long started = System.nanoTime();
        for (int i = 4; i < events; i++) {
            gateway.sendAndWait(i % 500 == 0
                    ? new PivotCurriculum(program, "Benchmark pivot", PivotTrigger.OTHER,
                    List.of(new CurriculumModule(new ModuleId(UUID.randomUUID().toString()), "Module " + i)),
                    List.of(), "Bench approver", null, null)
                    : CommandMix.impact(program));
        }
        report.figure("events recorded for the pages", String.format("%,d", events),
                String.format("in %.1f s", (System.nanoTime() - started) / 1e9));
        awaitHistory(partnership.value(), events);

        int port = freePort();
        Process web = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx384m", "-jar", webJar.toString(), "--server.port=" + port,
                "--ledger.web.query-url=http://localhost:" + ledger.queryPort(),
                "--ledger.web.command-url=http://localhost:" + ledger.commandPort(), "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://localhost:" + port;
            awaitUp(browser, base, web);
            signIn(browser, base);
            time(browser, base + "/partnerships/" + partnership.value(),
                    "board page: partnership, header + first timeline page");
            time(browser, base + "/programs/" + program.value(), "board page: program, curriculum + scorecard");
            report.figure("  (no target) the KPIs' latest results, loaded after the partnership page", "", "");
            time(browser, base + "/partnerships/" + partnership.value() + "/kpis", "  KPI results fragment");
        } finally {
            web.destroy();
            web.waitFor();
        }
    }

    private void time(HttpClient browser, String url, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < WARM_UP; i++) {
            expectOk(browser.send(request, HttpResponse.BodyHandlers.ofString()), url);
        }
        Histogram latency = Measured.histogram();
        long bytes = 0;
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            latency.recordValue(System.nanoTime() - t0);
            expectOk(response, url);
            bytes = response.body().length();
        }
        double p95 = latency.getValueAtPercentile(95) / 1e6;
        report.figure(name, Report.millis(p95), "p95; p50 " + Report.millis(latency.getValueAtPercentile(50) / 1e6)
                + ", " + MEASURED + " requests, " + bytes / 1024 + " KiB");
        if (!name.startsWith(" ")) { // the page itself; an indented name is a part loaded after it
            report.below("I17", name + ", p95 ms", p95, 300);
        }
    }

    private static void expectOk(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }

    private void awaitHistory(String partnership, int events) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("board:board-demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ledger.queryPort()
                + "/api/partnerships/" + partnership + "/history?size=1")).header("Authorization", basic).build();
        Pattern total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = total.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (m.find() && Long.parseLong(m.group(1)) >= events) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The history did not reach " + events + " events in time");
    }

    private static void awaitUp(HttpClient browser, String base, Process web) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!web.isAlive()) {
                throw new IllegalStateException("The board's web application did not start");
            }
            try {
                if (browser.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The board's web application did not start in time");
    }

    private static void signIn(HttpClient browser, String base) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=board&password=board-demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/partnerships")) {
            throw new IllegalStateException("Signing in failed: " + signedIn.statusCode() + " "
                    + signedIn.headers().firstValue("Location").orElse(""));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
