package org.partnershipledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.query.readmodel.Rebuilds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the ledger against raw PostgreSQL on the same machine in one run and checks the targets R1-R6, and the
 * audit log's A1-A3 (issue 16).
 * Prints a table, PASS/FAIL per target, and writes the figures as JSON.
 */
@Command(name = "ledger bench", mixinStandardHelpOptions = true,
        description = "Benchmark the ledger against raw PostgreSQL and check the performance targets.")
public class LedgerBenchmark implements Callable<Integer> {

    /** The read model rebuilt alone: the largest, one row per event. */
    private static final String REBUILT = "event-log";

    @Option(names = "--quick", description = "A run of about two and a half minutes, for iteration (smaller volumes).")
    boolean quick;

    @Option(names = "--events", description = "Events in the store for the replay and the loaded-store figures "
            + "(default 1,000,000; 60,000 with --quick).")
    Long events;

    @Option(names = "--only", description = "Run only this part: `replay` loads the store and measures the replays "
            + "and rebuilds (R2, R7), skipping the command, lag and audit-log phases; `xapi` measures the ingestion of "
            + "learning records (statements/s into impact records); `web` times the board's pages with a partnership "
            + "and a program of 10,000 events (2,000 with --quick).")
    String only;

    @Option(names = "--web-jar", description = "The board's web application, for `--only web` (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "board-web/target/board-web-exec.jar")
    Path webJar;

    @Option(names = "--ledger-jar", description = "The ledger's command line, run as `ledger verify` on an audit "
            + "pack (default: ${DEFAULT-VALUE}; without it the in-JVM verification is timed).",
            defaultValue = "ledger-cli/target/ledger.jar")
    Path ledgerJar;

    /** The size of the audit pack `ledger verify` is timed on (issue 16: under 5 s for 10,000 events). */
    private static final int PACK_EVENTS = 10_000;

    @Option(names = "--json", description = "Where to write the figures (default: ${DEFAULT-VALUE}).",
            defaultValue = "bench/target/bench-report.json")
    Path json;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        System.exit(new CommandLine(new LedgerBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long began = System.nanoTime();
        long storedEvents = events != null ? events : quick ? 60_000 : 1_000_000;
        Duration window = Duration.ofSeconds(quick ? 4 : 15);
        Report report = new Report();
        try (BenchDatabase db = BenchDatabase.start()) {
            describeMachine(report, db);
            ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

            System.out.println("\nRaw PostgreSQL");
            RawFloor raw = new RawFloor(db, mapper);
            raw.insertCommit(2, Duration.ofSeconds(1)); // warm-up
            Measured raw1 = raw.insertCommit(1, window);
            report.figure("INSERT+COMMIT, concurrency 1", Report.rate(raw1.perSecond()),
                    "p50 " + Report.millis(raw1.p50Millis()) + ", p99 " + Report.millis(raw1.p99Millis()));
            Measured raw8 = raw.insertCommit(8, window);
            report.figure("INSERT+COMMIT, concurrency 8", Report.rate(raw8.perSecond()),
                    "p99 " + Report.millis(raw8.p99Millis()));
            Measured read = raw.orderedRead(quick ? 100_000 : 300_000);
            report.figure("ordered SELECT + Jackson deserialisation", Report.rate(read.perSecond()),
                    read.operations() + " rows");

            try (LedgerUnderTest ledger = new LedgerUnderTest(db)) {
                CommandMix mix = new CommandMix(ledger);
                if ("xapi".equals(only) || "web".equals(only)) {
                    if ("xapi".equals(only)) {
                        new XapiBench(ledger, mix, report).run(quick);
                    } else {
                        new WebBench(ledger, mix, report, webJar).run(quick ? 2_000 : 10_000);
                    }
                    report.print();
                    report.write(json);
                    System.out.printf("Ran in %.0f s%n", (System.nanoTime() - began) / 1e9);
                    return 0;
                }
                if ("replay".equals(only)) {
                    replays(ledger, db, report, storedEvents, read);
                    report.print();
                    report.write(json);
                    System.out.printf("Ran in %.0f s%n", (System.nanoTime() - began) / 1e9);
                    return 0;
                }
                System.out.println("\nThe ledger (ProposeProgram 1 : PivotCurriculum 1 : RecordImpact 8)");
                // warm-up of both paths, so the compiler has settled before anything is measured
                mix.run(mix.viaGateway(), 4, Duration.ofSeconds(quick ? 2 : 10));
                mix.run(mix.viaHttp(), 4, Duration.ofSeconds(quick ? 2 : 10));
                quiesce(ledger);
                Measured gateway1 = mix.run(mix.viaGateway(), 1, window);
                report.figure("commands via gateway, concurrency 1", Report.rate(gateway1.perSecond()),
                        "p50 " + Report.millis(gateway1.p50Millis()) + ", p99 " + Report.millis(gateway1.p99Millis()));
                report.figure("  p50 / p99 by command", "", gateway1.byKindMillis());
                quiesce(ledger);
                CpuAccount.Used cpu = CpuAccount.now();
                Measured gateway8 = mix.run(mix.viaGateway(), 8, window);
                report.figure("commands via gateway, concurrency 8", Report.rate(gateway8.perSecond()),
                        "p99 " + Report.millis(gateway8.p99Millis()));
                quiesce(ledger);
                report.figure("  CPU", "", CpuAccount.now().since(cpu, gateway8.operations(), "command"));
                Measured http1 = mix.run(mix.viaHttp(), 1, window);
                report.figure("commands via HTTP, concurrency 1", Report.rate(http1.perSecond()),
                        "p50 " + Report.millis(http1.p50Millis()) + ", p99 " + Report.millis(http1.p99Millis()));
                report.figure("  p50 / p99 by command", "", http1.byKindMillis());
                quiesce(ledger);
                cpu = CpuAccount.now();
                Measured http8 = mix.run(mix.viaHttp(), 8, window);
                report.figure("commands via HTTP, concurrency 8", Report.rate(http8.perSecond()),
                        "p99 " + Report.millis(http8.p99Millis()));
                quiesce(ledger);
                report.figure("  CPU", "", CpuAccount.now().since(cpu, http8.operations(), "command"));

                AuditBench audit = new AuditBench(ledger, mix, report, window, ledgerJar);
                AuditBench.Result logged = audit.run(PACK_EVENTS);

                System.out.println("\nRead models");
                quiesce(ledger);
                Histogram lag = projectionLag(ledger, mix, gateway8.perSecond() / 2, window);
                report.figure("projection lag at half the max rate", Report.millis(lag.getValueAtPercentile(99) / 1e6),
                        "p99; p50 " + Report.millis(lag.getValueAtPercentile(50) / 1e6) + ", "
                                + lag.getTotalCount() + " commands");

                quiesce(ledger);
                int longHistory = quick ? 2_000 : 10_000;
                double[] snapshots = longAndShortHistories(ledger, mix, longHistory);
                report.figure("RecordImpact latency, 10-event program", Report.millis(snapshots[0]), "p50");
                report.figure("RecordImpact latency, " + longHistory + "-event program", Report.millis(snapshots[1]),
                        "p50 (snapshots every 100 events)");

                // R5 compares like with like: both runs with the query side's processors stopped
                quiesce(ledger);
                ledger.stopProcessors();
                Measured empty8 = mix.run(mix.viaGateway(), 8, window);
                report.figure("commands via gateway, concurrency 8, projections paused", Report.rate(empty8.perSecond()),
                        "p99 " + Report.millis(empty8.p99Millis()));
                System.out.println("\nWith " + String.format("%,d", storedEvents) + " events in the store");
                long started = System.nanoTime();
                long written = new EventGenerator(ledger.commandSide.getBean(ObjectMapper.class)).write(db, storedEvents);
                report.figure("events written to the store", String.format("%,d", written),
                        String.format("in %.1f s", (System.nanoTime() - started) / 1e9));
                db.settle();
                Measured loaded8 = mix.run(mix.viaGateway(), 8, window);
                report.figure("the same, with the store loaded", Report.rate(loaded8.perSecond()),
                        "p99 " + Report.millis(loaded8.p99Millis()));

                long head = ledger.headPosition();
                double replayRate = replayAll(ledger, report, head, quick);
                audit.logLoadedStore(Duration.ofMinutes(quick ? 5 : 60));

                double rebuildAllRate = rebuildAll(ledger, db, report, head, quick);
                Map<String, Double> alone = rebuildEachAlone(ledger, db, report, head, quick);

                report.atLeast("R1", "commands/s ÷ raw INSERT+COMMIT/s, gateway, concurrency 1",
                        gateway1.perSecond() / raw1.perSecond(), 0.5);
                report.atLeast("R1", "commands/s ÷ raw INSERT+COMMIT/s, gateway, concurrency 8",
                        gateway8.perSecond() / raw8.perSecond(), 0.5);
                report.atLeast("R1", "commands/s ÷ raw INSERT+COMMIT/s, HTTP, concurrency 1",
                        http1.perSecond() / raw1.perSecond(), 0.5);
                report.atLeast("R1", "commands/s ÷ raw INSERT+COMMIT/s, HTTP, concurrency 8",
                        http8.perSecond() / raw8.perSecond(), 0.5);
                replayTargets(report, read, replayRate, rebuildAllRate, alone, head);
                report.atMost("R3", "command p99 ÷ raw INSERT+COMMIT p99 (concurrency 1)",
                        gateway1.p99Millis() / raw1.p99Millis(), 3);
                report.below("R4", "projection lag p99 in seconds", lag.getValueAtPercentile(99) / 1e9, 1);
                report.atLeast("R5", "commands/s with the store loaded ÷ empty store (concurrency 8)",
                        loaded8.perSecond() / empty8.perSecond(), 0.8);
                report.atMost("R6", "latency on a " + longHistory + "-event program ÷ a 10-event one",
                        snapshots[1] / snapshots[0], 2);
                report.atLeast("A1", "commands/s, audit log on ÷ off (gateway, concurrency 8)",
                        logged.onPerSecond() / logged.offPerSecond(), 0.9);
                report.below("A2", "audit-log lag p99 in seconds at the highest command rate",
                        logged.auditLag().getValueAtPercentile(99) / 1e9, 1);
                report.below("A3", String.format("verify a %,d-event audit pack, seconds (%s)", logged.packEvents(),
                        logged.verifyHow()), logged.verifySeconds(), 5);
            }
        }
        report.print();
        report.write(json);
        System.out.printf("Ran in %.0f s%n", (System.nanoTime() - began) / 1e9);
        return 0;
    }

    /** The replay part alone ({@code --only replay}): R2 and R7 without the command phases. */
    private void replays(LedgerUnderTest ledger, BenchDatabase db, Report report, long storedEvents, Measured read)
            throws Exception {
        ledger.stopProcessors();
        System.out.println("\nWith " + String.format("%,d", storedEvents) + " events in the store");
        long started = System.nanoTime();
        long written = new EventGenerator(ledger.commandSide.getBean(ObjectMapper.class)).write(db, storedEvents);
        report.figure("events written to the store", String.format("%,d", written),
                String.format("in %.1f s", (System.nanoTime() - started) / 1e9));
        db.settle();
        long head = ledger.headPosition();
        double replayRate = replayAll(ledger, report, head, quick);
        double rebuildAllRate = rebuildAll(ledger, db, report, head, quick);
        Map<String, Double> alone = rebuildEachAlone(ledger, db, report, head, quick);
        replayTargets(report, read, replayRate, rebuildAllRate, alone, head);
    }

    /** Every read model replayed at once into its live tables: the rate, its CPU, and when each caught up. */
    private static double replayAll(LedgerUnderTest ledger, Report report, long head, boolean quick)
            throws Exception {
        CpuAccount.Used beforeReplay = CpuAccount.now();
        long started = System.nanoTime();
        ledger.replayAll();
        var caughtUp = ledger.awaitEachCaughtUp(head, Duration.ofMinutes(quick ? 5 : 60), started,
                ledger::readModelProcessors);
        double replaySeconds = (System.nanoTime() - started) / 1e9;
        double replayRate = head / replaySeconds;
        report.figure("full replay of every read model", Report.rate(replayRate),
                String.format("%,d events in %.1f s", head, replaySeconds));
        report.figure("  CPU", "", CpuAccount.now().since(beforeReplay, head / 1000.0, "1,000 events"));
        // all replay at once on the same cores, so these show their relative cost, not their speed alone
        caughtUp.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(model ->
                report.figure("  " + model.getKey() + " caught up after",
                        String.format("%.1f s", model.getValue()), ""));
        return replayRate;
    }

    /** Every read model rebuilt at once, blue/green, as after a change to several projections. */
    private static double rebuildAll(LedgerUnderTest ledger, BenchDatabase db, Report report, long head,
                                     boolean quick) throws Exception {
        Rebuilds rebuilds = ledger.querySide.getBean(Rebuilds.class);
        List<String> models = ledger.readModelProcessors().stream().map(p -> p.getName())
                .filter(rebuilds::isReadModel).toList();
        quiet(report, db, "before the full rebuild");
        CpuAccount.Used before = CpuAccount.now();
        long started = System.nanoTime();
        rebuilds.startEvery("bench"); // as POST /api/admin/processors/replay and ledger replay --all do
        long deadline = started + Duration.ofMinutes(quick ? 5 : 60).toNanos();
        // when each rebuild first reached the head, and when it took over: the stretch between is its indexes
        // built and its take-over
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        Map<String, Double> tookOver = new LinkedHashMap<>();
        while (tookOver.size() < models.size() && System.nanoTime() < deadline) {
            double now = (System.nanoTime() - started) / 1e9;
            for (String model : models) {
                if (!caughtUp.containsKey(model) && rebuilds.rebuilding(model).map(Rebuilds::caughtUp)
                        .orElse(false)) {
                    caughtUp.put(model, now);
                }
                if (!tookOver.containsKey(model)
                        && !rebuilds.latest(model).map(Rebuilds.Rebuild::inProgress).orElse(true)) {
                    tookOver.put(model, now);
                }
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("full rebuild of every read model, blue/green", Report.rate(head / seconds),
                String.format("%,d events in %.1f s, %d read models", head, seconds, models.size()));
        report.figure("  CPU", "", CpuAccount.now().wholeJvmSince(before, head / 1000.0, "1,000 events"));
        tookOver.forEach((model, at) -> report.figure("  " + model + " took over after", String.format("%.1f s", at),
                caughtUp.containsKey(model) ? String.format("at the head after %.1f s", caughtUp.get(model)) : ""));
        return head / seconds;
    }

    /**
     * Each read model rebuilt alone, blue/green, as an analyst's new metric is: its rate over the whole store (a read
     * model of a few event types reads only their rows) and its CPU. Returns the rate of each, by read model.
     */
    private static Map<String, Double> rebuildEachAlone(LedgerUnderTest ledger, BenchDatabase db, Report report,
                                                        long head, boolean quick) throws Exception {
        Rebuilds rebuilds = ledger.querySide.getBean(Rebuilds.class);
        List<String> models = ledger.readModelProcessors().stream().map(p -> p.getName())
                .filter(rebuilds::isReadModel).toList();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String model : models) {
            // into fresh tables while the live one serves, then taking over
            quiet(report, db, "before " + model);
            CpuAccount.Used before = CpuAccount.now();
            long started = System.nanoTime();
            rebuilds.start(model, "bench");
            String reads = rebuilds.readsOnly(model).map(types -> "reads " + types.size() + " event types")
                    .orElse("reads every event");
            long deadline = started + Duration.ofMinutes(quick ? 5 : 60).toNanos();
            while (rebuilds.latest(model).map(Rebuilds.Rebuild::inProgress).orElse(true)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            rates.put(model, head / seconds);
            report.figure("rebuild of " + model + " alone", Report.rate(head / seconds),
                    String.format("%,d events in %.1f s, %s", head, seconds, reads));
            report.figure("  CPU", "", CpuAccount.now().wholeJvmSince(before, head / 1000.0, "1,000 events"));
        }
        return rates;
    }

    /**
     * Before a phase: the tables the phase before wrote vacuumed and checkpointed ({@link BenchDatabase#vacuumAll}),
     * then the machine gone quiet (see {@link CpuAccount#awaitQuiet}); says how long each took.
     */
    private static void quiet(Report report, BenchDatabase db, String phase) throws Exception {
        double vacuumed = db.vacuumAll();
        double waited = CpuAccount.awaitQuiet(Duration.ofMinutes(2));
        report.figure("  vacuumed, then quiet " + phase + " after", String.format("%.1f s", vacuumed + waited),
                String.format("vacuum and checkpoint %.1f s", vacuumed));
    }

    /** The R2 and R7 targets of the replays and rebuilds. */
    private static void replayTargets(Report report, Measured read, double replayRate, double rebuildAllRate,
                                      Map<String, Double> alone, long head) {
        report.atLeast("R2", "replay events/s ÷ raw ordered read events/s", replayRate / read.perSecond(), 0.3);
        report.atLeast("R2", "replay events/s", replayRate, 20_000);
        report.atLeast("R2", "full rebuild ÷ raw ordered read events/s", rebuildAllRate / read.perSecond(), 0.3);
        report.atLeast("R2", "full rebuild events/s", rebuildAllRate, 20_000);
        alone.forEach((model, rate) ->
                report.atLeast("R2", "rebuild of " + model + " alone, events/s", rate, 50_000));
        report.below("R7", "rebuild of " + REBUILT + " over 1,000,000 events, seconds"
                + (head >= 1_000_000 ? "" : " (extrapolated)"), 1_000_000 / alone.get(REBUILT), 60);
    }

    /**
     * Append → visible in the board's read model, under a steady load at {@code rate} commands/s: each command's
     * global position is looked up as soon as it returns, and a watcher notes when the read model passes it.
     */
    private static Histogram projectionLag(LedgerUnderTest ledger, CommandMix mix, double rate, Duration window)
            throws Exception {
        ProgramId program = mix.newApprovedProgram();
        CommandGateway gateway = ledger.gateway();
        var jdbc = ledger.jdbc();
        Histogram lag = Measured.histogram();
        java.util.concurrent.ConcurrentSkipListMap<Long, Long> pending = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get() || !pending.isEmpty()) {
                long position = jdbc.sql("SELECT coalesce(max(position), 0) FROM query_side.read_model_position "
                        + "WHERE processor = 'board-views'").query(Long.class).single();
                long now = System.nanoTime();
                var visible = pending.headMap(position, true);
                visible.values().forEach(appended -> lag.recordValue(now - appended));
                visible.clear();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        long interval = (long) (1e9 / Math.max(rate, 1));
        long next = System.nanoTime();
        long end = next + window.toNanos();
        LedgerUnderTest.actAsManager();
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Long version = gateway.sendAndWait(CommandMix.impact(program));
            long appended = System.nanoTime();
            long position = jdbc.sql("""
                            SELECT global_index FROM event_store.domain_event_entry
                            WHERE aggregate_identifier = ? AND sequence_number = ?""")
                    .params(program.value(), version).query(Long.class).single();
            pending.put(position, appended);
            next += interval;
        }
        running.set(false);
        watcher.join(10_000);
        return lag;
    }

    /** Median RecordImpact latency on a program with 10 events and on one with {@code longHistory} events. */
    private static double[] longAndShortHistories(LedgerUnderTest ledger, CommandMix mix, int longHistory) {
        CommandGateway gateway = ledger.gateway();
        LedgerUnderTest.actAsManager();
        ProgramId shortOne = mix.newApprovedProgram();
        for (int i = 2; i < 10; i++) {
            gateway.sendAndWait(CommandMix.impact(shortOne));
        }
        ProgramId longOne = mix.newApprovedProgram();
        for (int i = 2; i < longHistory; i++) {
            gateway.sendAndWait(CommandMix.impact(longOne));
        }
        Histogram shortLatency = Measured.histogram();
        Histogram longLatency = Measured.histogram();
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            gateway.sendAndWait(CommandMix.impact(shortOne));
            shortLatency.recordValue(System.nanoTime() - t0);
            t0 = System.nanoTime();
            gateway.sendAndWait(CommandMix.impact(longOne));
            longLatency.recordValue(System.nanoTime() - t0);
        }
        return new double[] {shortLatency.getValueAtPercentile(50) / 1e6, longLatency.getValueAtPercentile(50) / 1e6};
    }

    /** Each phase starts with the query side caught up, so no phase pays for the projections of the one before. */
    private static void quiesce(LedgerUnderTest ledger) throws InterruptedException {
        ledger.awaitCaughtUp(ledger.headPosition(), Duration.ofMinutes(10));
    }

    private static void describeMachine(Report report, BenchDatabase db) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.machine.put("cores", Runtime.getRuntime().availableProcessors());
        report.machine.put("memoryGiB", Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024));
        report.machine.put("java", System.getProperty("java.version"));
        report.machine.put("postgres", db.settings());
        System.out.println("Machine: " + report.machine);
    }
}
