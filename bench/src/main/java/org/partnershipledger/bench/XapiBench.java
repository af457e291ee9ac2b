package org.partnershipledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.partnershipledger.command.program.SetXapiMapping;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiMeasure;
import org.partnershipledger.events.program.XapiRule;

/**
 * Ingestion of learning records ({@code --only xapi}): statements pushed over HTTP to the Statements resource, in
 * batches, each batch stored and its two buckets (an assessment at level 2, a survey at level 1) computed again from
 * all their statements and recorded as impact records (a withdrawal and a record each). The rate is statements per
 * second into impact records, the request answered only once the records are in.
 */
final class XapiBench {

    static final String COURSE = "http://lms.bench.example/courses/selling";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String RESPONDED = "http://adlnet.gov/expapi/verbs/responded";

    private final LedgerUnderTest ledger;
    private final CommandMix mix;
    private final Report report;
    private final String when = LocalDate.now(ZoneOffset.UTC).minusMonths(3).withDayOfMonth(1) + "T10:00:00Z";
    private final Random random = new Random(20);

    XapiBench(LedgerUnderTest ledger, CommandMix mix, Report report) {
        this.ledger = ledger;
        this.mix = mix;
        this.report = report;
    }

    void run(boolean quick) throws Exception {
        System.out.println("\nLearning records (xAPI) into impact records");
        measure(100, quick ? 2_000 : 20_000);
        measure(1, quick ? 200 : 1_000);
    }

    /** {@code statements} statements in batches of {@code batch}, into a program of their own. */
    private void measure(int batch, int statements) throws Exception {
        ProgramId program = mix.newApprovedProgram();
        LedgerUnderTest.actAsManager();
        ledger.gateway().sendAndWait(new SetXapiMapping(program, List.of(COURSE), List.of(),
                List.of(new XapiRule(PASSED, "ttq", 2, XapiMeasure.SCORE_SCALED_MEAN, null, null),
                        new XapiRule(RESPONDED, "ttq", 1, XapiMeasure.SCORE_SCALED_MEAN, null, null)),
                null, null));
        String basic = "Basic " + Base64.getEncoder().encodeToString("integration:integration-demo"
                .getBytes(StandardCharsets.UTF_8));
        Histogram latency = Measured.histogram();
        List<Long> nanos = new ArrayList<>();
        try (RawHttp http = new RawHttp("127.0.0.1", ledger.commandPort(), basic)
                .withHeader("X-Experience-API-Version: 1.0.3")) {
            long started = System.nanoTime();
            for (int sent = 0; sent < statements; sent += batch) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < batch; i++) {
                    body.append(i == 0 ? "" : ",").append(statement(sent + i));
                }
                long before = System.nanoTime();
                RawHttp.Response response = http.post("/api/xapi/statements", body.append(']').toString());
                if (response.status() != 200) {
                    throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
                }
                long took = System.nanoTime() - before;
                latency.recordValue(took);
                nanos.add(took);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int tenth = Math.max(1, nanos.size() / 10);
            double first = nanos.subList(0, tenth).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            double last = nanos.subList(nanos.size() - tenth, nanos.size()).stream().mapToLong(Long::longValue)
                    .average().orElse(0) / 1e6;
            report.figure("xAPI statements into impact records, batches of " + batch,
                    Report.rate(statements / seconds), String.format("%,d statements in %.1f s; per batch p50 %s, "
                            + "p99 %s; first tenth %s, last tenth %s (each batch recomputes its buckets whole)",
                            statements, seconds, Report.millis(latency.getValueAtPercentile(50) / 1e6),
                            Report.millis(latency.getValueAtPercentile(99) / 1e6), Report.millis(first),
                            Report.millis(last)));
        }
    }

    private String statement(int n) {
        boolean survey = n % 2 == 1;
        return """
                {"id": "%s", "actor": {"objectType": "Agent", "mbox": "mailto:learner%d@bench.example"},
                 "verb": {"id": "%s", "display": {"en-US": "%s"}},
                 "object": {"id": "%s"}, "result": {"score": {"scaled": %s}}, "timestamp": "%s"}"""
                .formatted(UUID.randomUUID(), n, survey ? RESPONDED : PASSED, survey ? "responded" : "passed",
                        COURSE, String.valueOf(random.nextInt(101) / 100.0), when);
    }
}
