package org.partnershipledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPackJson;
import org.partnershipledger.audit.pack.PackVerifier;
import org.partnershipledger.audit.pack.VerificationResult;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.query.audit.AuditLog;

/**
 * Issue 16's figures: what the audit log costs the commands (the bench's highest command rate, gateway at
 * concurrency 8, with the query side started with {@code ledger.audit.enabled} true and false in turn), whether the
 * audit-log processor keeps up with that rate, and how long {@code ledger verify} takes on a real pack of 10,000
 * events downloaded from the running ledger.
 */
final class AuditBench {

    /** The processor the read-model lag (R4) is measured on, sampled alongside the audit log's for comparison. */
    private static final String BOARD = "board-views";
    private static final String AUDIT_THREADS = "EventProcessor[" + AuditLog.PROCESSOR + "]";
    private static final String CHECKPOINT_THREAD = "ledger-audit-checkpoints";

    /** One run of the command phase. */
    record Run(boolean auditOn, Measured commands, String cpu, Histogram auditLag, Histogram boardLag,
               long leavesLogged, long behindAtEnd, double drainSeconds, double auditCpuMillisPerEvent) {

        double loggedPerSecond() {
            return leavesLogged / commands.seconds();
        }
    }

    /** The figures the targets need. */
    record Result(double onPerSecond, double offPerSecond, Histogram auditLag, double verifySeconds,
                  String verifyHow, long packEvents) {
    }

    private final LedgerUnderTest ledger;
    private final CommandMix mix;
    private final Report report;
    private final Duration window;
    private final Path ledgerJar;

    AuditBench(LedgerUnderTest ledger, CommandMix mix, Report report, Duration window, Path ledgerJar) {
        this.ledger = ledger;
        this.mix = mix;
        this.report = report;
        this.window = window;
        this.ledgerJar = ledgerJar;
    }

    Result run(int packEvents) throws Exception {
        System.out.println("\nAudit log: gateway, concurrency 8, the query side with the log on, off, off, on "
                + "(restarted in between with ledger.audit.enabled)");
        Run on1 = commandPhase(true);
        restart(false);
        Run off1 = commandPhase(false);
        Run off2 = commandPhase(false);
        long leavesBefore = treeSize();
        restart(true);
        // the log catches up on what it missed while it was off, alone: the read models are caught up
        long started = System.nanoTime();
        long leavesAtStart = treeSize();
        long head = ledger.headPosition();
        ledger.awaitEachCaughtUp(head, Duration.ofMinutes(10), started, () -> ledger.auditLogProcessor().stream()
                .toList());
        double catchUpSeconds = (System.nanoTime() - started) / 1e9;
        long caughtUp = treeSize() - leavesAtStart;
        Run on2 = commandPhase(true);

        Measured on = combined(on1.commands(), on2.commands());
        Measured off = combined(off1.commands(), off2.commands());
        report.figure("commands via gateway, concurrency 8, log on", Report.rate(on.perSecond()),
                "runs 1 and 4: " + Report.rate(on1.commands().perSecond()) + ", "
                        + Report.rate(on2.commands().perSecond()) + "; p99 " + Report.millis(on.p99Millis()));
        report.figure("commands via gateway, concurrency 8, log off", Report.rate(off.perSecond()),
                "runs 2 and 3: " + Report.rate(off1.commands().perSecond()) + ", "
                        + Report.rate(off2.commands().perSecond()) + "; p99 " + Report.millis(off.p99Millis()));
        report.figure("  CPU, log on (runs 1, 4)", "", on1.cpu() + " | " + on2.cpu());
        report.figure("  CPU, log off (runs 2, 3)", "", off1.cpu() + " | " + off2.cpu());

        Histogram auditLag = Measured.histogram();
        auditLag.add(on1.auditLag());
        auditLag.add(on2.auditLag());
        Histogram boardOn = Measured.histogram();
        boardOn.add(on1.boardLag());
        boardOn.add(on2.boardLag());
        Histogram boardOff = Measured.histogram();
        boardOff.add(off1.boardLag());
        boardOff.add(off2.boardLag());
        report.figure("audit-log lag at the highest rate, append → logged",
                Report.millis(auditLag.getValueAtPercentile(99) / 1e6), "p99; p50 "
                        + Report.millis(auditLag.getValueAtPercentile(50) / 1e6) + ", max "
                        + Report.millis(auditLag.getMaxValue() / 1e6) + ", " + auditLag.getTotalCount() + " samples");
        report.figure("  board-views lag at the same time, log on / off",
                Report.millis(boardOn.getValueAtPercentile(99) / 1e6), "p99; log off "
                        + Report.millis(boardOff.getValueAtPercentile(99) / 1e6));
        for (Run run : List.of(on1, on2)) {
            report.figure("  audit-log while commands ran (run " + (run == on1 ? 1 : 4) + ")",
                    Report.rate(run.loggedPerSecond()),
                    String.format("events logged; commands %s; behind at the end %,d events, caught up %.0f ms "
                                    + "after the last command; %.3f ms CPU per event (processor and checkpoints)",
                            Report.rate(run.commands().perSecond()), run.behindAtEnd(), run.drainSeconds() * 1000,
                            run.auditCpuMillisPerEvent()));
        }
        report.figure("audit-log catching up alone after it was off", Report.rate(caughtUp / catchUpSeconds),
                String.format("%,d events in %.1f s", caughtUp, catchUpSeconds)
                        + (leavesAtStart > leavesBefore ? String.format(" (and %,d while the query side started)",
                        leavesAtStart - leavesBefore) : ""));

        Pack pack = verifyPack(packEvents);
        return new Result(on.perSecond(), off.perSecond(), auditLag, pack.seconds(), pack.how(), pack.events());
    }

    private void restart(boolean auditOn) {
        long started = System.nanoTime();
        ledger.restartQuerySide(auditOn);
        System.out.printf("  (query side restarted with the log %s in %.1f s)%n", auditOn ? "on" : "off",
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The bench's command phase at its highest rate, starting with the query side caught up, its lag sampled; it
     * ends when every processor has caught up, so the CPU lines include the projections of the run's commands.
     */
    private Run commandPhase(boolean auditOn) throws Exception {
        quiesce();
        if (ledger.auditLogProcessor().isPresent() != auditOn) {
            throw new IllegalStateException("The audit log should be " + (auditOn ? "on" : "off"));
        }
        long auditCpu = CpuAccount.threads(AUDIT_THREADS, CHECKPOINT_THREAD);
        long leaves = treeSize();
        CpuAccount.Used cpu = CpuAccount.now();
        Measured commands;
        long behind = 0;
        double drain = 0;
        long leavesAtEnd;
        LagSampler sampler = new LagSampler(ledger, List.of(AuditLog.PROCESSOR, BOARD));
        try {
            commands = mix.run(mix.viaGateway(), 8, window);
            long end = System.nanoTime();
            long head = ledger.headPosition();
            leavesAtEnd = treeSize();
            if (auditOn) {
                StreamingEventProcessor audit = ledger.auditLogProcessor().orElseThrow();
                behind = Math.max(0, head - LedgerUnderTest.position(audit));
                ledger.awaitEachCaughtUp(head, Duration.ofMinutes(10), end, () -> List.of(audit));
                drain = (System.nanoTime() - end) / 1e9;
            }
            quiesce();
        } finally {
            sampler.close();
        }
        String used = CpuAccount.now().since(cpu, commands.operations(), "command");
        long logged = treeSize() - leaves;
        double auditCpuPerEvent = logged == 0 ? 0
                : (CpuAccount.threads(AUDIT_THREADS, CHECKPOINT_THREAD) - auditCpu) / 1e6 / logged;
        Run run = new Run(auditOn, commands, used, sampler.lag(AuditLog.PROCESSOR), sampler.lag(BOARD),
                leavesAtEnd - leaves, behind, drain, auditCpuPerEvent);
        System.out.printf("  (log %s: %s, p99 %s)%n", auditOn ? "on" : "off", Report.rate(commands.perSecond()),
                Report.millis(commands.p99Millis()));
        return run;
    }

    private record Pack(double seconds, String how, boolean valid, long events) {
    }

    /**
     * A partnership with {@code size} events (it and eight programs of over a thousand events each, so that they
     * have snapshots, as long-lived programs do), its audit pack downloaded as the board user, then verified: in this
     * JVM with the library, and as {@code ledger verify} does it, in a new JVM with the ledger's own jar when it is
     * built.
     */
    private Pack verifyPack(int size) throws Exception {
        long started = System.nanoTime();
        PartnershipId partnership = mix.newPartnership("Audit pack benchmark");
        List<ProgramId> programs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            programs.add(mix.newApprovedProgram(partnership));
        }
        List<String> aggregates = new ArrayList<>(List.of(partnership.value()));
        programs.forEach(program -> aggregates.add(program.value()));
        long remaining = size - ledger.jdbc().sql("""
                        SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ANY(?)""")
                .param(aggregates.toArray(String[]::new)).query(Long.class).single();
        CommandGateway gateway = ledger.gateway();
        int workers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            done.add(threads.submit(() -> {
                LedgerUnderTest.actAsManager();
                for (int i = worker; i < programs.size(); i += workers) {
                    long mine = remaining / programs.size() + (i < remaining % programs.size() ? 1 : 0);
                    for (long n = 0; n < mine; n++) {
                        gateway.sendAndWait(CommandMix.impact(programs.get(i)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        quiesce();
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        String built = String.format("%d programs of about %,d events each (with snapshots), made in %.1f s",
                programs.size(), (size - 1) / programs.size(), buildSeconds);

        Path dir = Files.createTempDirectory("ledger-bench-pack");
        try {
            Path packFile = dir.resolve("audit-pack.json");
            Path keyFile = dir.resolve("audit-key.txt");
            // the key out of band: from the ledger's own bean, not from the pack
            Files.writeString(keyFile, ledger.querySide.getBean(AuditLog.class).publicKey().verifierKey() + "\n");
            started = System.nanoTime();
            HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ledger.queryPort() + "/api/partnerships/"
                                    + partnership.value() + "/audit-pack"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("board:board-demo".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofFile(packFile));
            double downloadSeconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET audit-pack answered " + response.statusCode() + ": "
                        + Files.readString(packFile));
            }

            // in this JVM, first run of the verifier (the leaf and hash code is warm: the server built the pack here)
            started = System.nanoTime();
            String text = Files.readString(packFile);
            AuditPack pack = AuditPackJson.read(text);
            double readSeconds = (System.nanoTime() - started) / 1e9;
            long verifyStarted = System.nanoTime();
            VerificationResult result = new PackVerifier(NoteVerifier.fromVerifierKey(Files.readString(keyFile).trim()))
                    .verify(pack);
            double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
            long events = pack.events().size();
            report.figure("audit pack of a " + String.format("%,d", events) + "-event partnership, served",
                    String.format("%.2f s", downloadSeconds), String.format("%.1f MB; %s", Files.size(packFile) / 1e6,
                            built));
            report.figure("  verified in this JVM (read + PackVerifier)",
                    String.format("%.2f s", readSeconds + verifySeconds), String.format("read %.2f s, verify %.2f s"
                            + "; %s", readSeconds, verifySeconds, result.valid() ? "VALID"
                            : "INVALID: " + result.failure().orElse("")));
            if (!result.valid()) {
                return new Pack(Double.NaN, "INVALID in this JVM", false, events);
            }
            if (!Files.isRegularFile(ledgerJar)) {
                report.figure("  ledger verify", "not run", ledgerJar + " is not built; the target takes the "
                        + "in-JVM time");
                return new Pack(readSeconds + verifySeconds, "in this JVM, no " + ledgerJar, true, events);
            }
            return ledgerVerify(packFile, keyFile, dir, events);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    /** {@code ./ledger verify PACK --key KEY} as the script runs it: a new JVM on the ledger's jar, wall time. */
    private Pack ledgerVerify(Path packFile, Path keyFile, Path dir, long events) throws Exception {
        Path output = dir.resolve("verify.out");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-jar", ledgerJar.toString(), "verify",
                packFile.toString(), "--key", keyFile.toString());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = Files.readAllLines(output);
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        boolean valid = exit == 0 && last.startsWith("VALID");
        report.figure("  ledger verify (a new JVM on " + ledgerJar.getFileName() + ")",
                String.format("%.2f s", seconds), "exit " + exit + ": "
                        + (last.length() > 60 ? last.substring(0, 60) + "…" : last));
        return new Pack(valid ? seconds : Double.NaN, valid ? "ledger verify" : "ledger verify FAILED, exit " + exit,
                valid, events);
    }

    /**
     * After the bulk load and the replay, with every read model caught up: the audit log, stopped with the
     * projections, now logs the loaded store alone, which is its speed with nothing else to do.
     */
    void logLoadedStore(Duration timeout) throws InterruptedException {
        StreamingEventProcessor audit = ledger.auditLogProcessor().orElseThrow();
        long head = ledger.headPosition();
        long leaves = treeSize();
        long cpu = CpuAccount.threads(AUDIT_THREADS, CHECKPOINT_THREAD);
        CpuAccount.Used all = CpuAccount.now();
        long started = System.nanoTime();
        audit.start();
        ledger.awaitEachCaughtUp(head, timeout, started, () -> List.of(audit));
        double seconds = (System.nanoTime() - started) / 1e9;
        long logged = treeSize() - leaves;
        report.figure("audit-log logging the loaded store alone", Report.rate(logged / seconds),
                String.format("%,d events in %.1f s; audit-log and checkpoints %.0f ms CPU per 1,000 events",
                        logged, seconds, (CpuAccount.threads(AUDIT_THREADS, CHECKPOINT_THREAD) - cpu) / 1e6
                                / (logged / 1000.0)));
        report.figure("  CPU", "", CpuAccount.now().since(all, logged / 1000.0, "1,000 events"));
    }

    private void quiesce() throws InterruptedException {
        ledger.awaitCaughtUp(ledger.headPosition(), Duration.ofMinutes(10));
    }

    /** Leaves in the audit log (the next log index). */
    private long treeSize() {
        return ledger.jdbc().sql("SELECT coalesce(max(log_index) + 1, 0) FROM query_side.audit_leaf")
                .query(Long.class).single();
    }

    private static Measured combined(Measured a, Measured b) {
        Histogram latency = Measured.histogram();
        latency.add(a.latency());
        latency.add(b.latency());
        return new Measured(a.operations() + b.operations(), a.seconds() + b.seconds(), latency);
    }
}
