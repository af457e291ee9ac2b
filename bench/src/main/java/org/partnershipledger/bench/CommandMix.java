package org.partnershipledger.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.partnership.OpenPartnership;
import org.partnershipledger.command.partnership.SetGovernanceCharter;
import org.partnershipledger.command.program.ApproveProgram;
import org.partnershipledger.command.program.PivotCurriculum;
import org.partnershipledger.command.program.ProposeProgram;
import org.partnershipledger.command.program.RecordImpact;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;

/**
 * The command mix the targets speak of: for every ten commands one ProposeProgram, one PivotCurriculum and eight
 * RecordImpact, sent through the command gateway or over HTTP, each worker on a program of its own.
 */
final class CommandMix {

    private static final LocalDate PERIOD_END = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private final LedgerUnderTest ledger;
    private final CommandGateway gateway;
    private final String basic = "Basic " + Base64.getEncoder()
            .encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));
    private final PartnershipId partnership = new PartnershipId(UUID.randomUUID().toString());
    private final AtomicLong sequence = new AtomicLong();
    /** The module each program's last pivot through the gateway added (each program is one worker's). */
    private final Map<ProgramId, ModuleId> lastAdded = new ConcurrentHashMap<>();

    /** One command sent; returns the new version of the aggregate it changed. */
    interface Sender {
        long send(ProgramId program, long i) throws Exception;
    }

    CommandMix(LedgerUnderTest ledger) {
        this.ledger = ledger;
        this.gateway = ledger.gateway();
        LedgerUnderTest.actAsManager();
        gateway.sendAndWait(new OpenPartnership(partnership, "Benchmark academy", "Bench Corp", "Faster ramp-up",
                List.of(new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"), null)),
                "Benchmark"));
        charter(partnership);
    }

    /** Its steering group is who approves programs and pivots (the bench approver sits on it). */
    private void charter(PartnershipId in) {
        gateway.sendAndWait(new SetGovernanceCharter(in, GovernanceCadence.QUARTERLY, List.of("Bench approver"),
                null));
    }

    /** A partnership of its own, apart from the mix's (whose history grows with every phase). */
    PartnershipId newPartnership(String name) {
        LedgerUnderTest.actAsManager();
        PartnershipId other = new PartnershipId(UUID.randomUUID().toString());
        gateway.sendAndWait(new OpenPartnership(other, name, "Bench Corp", "Faster ramp-up",
                List.of(new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"), null)),
                "Benchmark"));
        charter(other);
        return other;
    }

    /** A proposed and approved program, ready for impact records and pivots. */
    ProgramId newApprovedProgram() {
        return newApprovedProgram(partnership);
    }

    /** A proposed and approved program of {@code in}. */
    ProgramId newApprovedProgram(PartnershipId in) {
        LedgerUnderTest.actAsManager();
        ProgramId program = new ProgramId(UUID.randomUUID().toString());
        gateway.sendAndWait(propose(program, in));
        gateway.sendAndWait(new ApproveProgram(program, "Bench approver", null));
        return program;
    }

    Sender viaGateway() {
        return (program, i) -> {
            Object command = switch ((int) (i % 10)) {
                case 0 -> propose(new ProgramId(UUID.randomUUID().toString()));
                case 5 -> pivot(program, i);
                default -> impact(program);
            };
            Long version = gateway.sendAndWait(command);
            return version;
        };
    }

    /**
     * A pivot that replaces the module the program's last pivot added with a new one, so that a curriculum keeps two
     * modules however long a phase runs. A pivot's event carries the whole curriculum it leads to: when every pivot
     * only added a module, a worker's program reached 600 to 750 modules in a phase of the full run, its pivots
     * 11 KB of JSON on average and up to 47 KB, and 1.4% of the events loaded for the replays held 42% of their bytes
     * (a curriculum of hundreds of modules is not a program's; the rebuilds measured it rather than the ledger).
     */
    private PivotCurriculum pivot(ProgramId program, long i) {
        CurriculumModule added = new CurriculumModule(new ModuleId(UUID.randomUUID().toString()), "Module " + i);
        ModuleId replaced = lastAdded.put(program, added.moduleId());
        return new PivotCurriculum(program, "Benchmark pivot", PivotTrigger.OTHER, List.of(added),
                replaced == null ? List.of() : List.of(replaced), "Bench approver", null, null);
    }

    /** Over HTTP, one keep-alive connection per worker thread, as real clients would. */
    Sender viaHttp() {
        ThreadLocal<RawHttp> connections = ThreadLocal.withInitial(
                () -> new RawHttp("127.0.0.1", ledger.commandPort(), basic));
        return (program, i) -> {
            RawHttp http = connections.get();
            RawHttp.Response response = switch ((int) (i % 10)) {
                case 0 -> http.post("/api/programs", """
                        {"partnershipId": "%s", "title": "Bench program", "kpiTargets": ["ttq"],
                         "modules": [{"title": "Discovery"}], "reason": "Benchmark"}""".formatted(partnership.value()));
                case 5 -> http.post("/api/programs/" + program.value() + "/pivots", """
                        {"reason": "Benchmark pivot", "trigger": "OTHER", "addModules": ["Module %d"],
                         "approvedBy": "Bench approver"}""".formatted(i));
                default -> http.post("/api/programs/" + program.value() + "/impact", """
                        {"level": 4, "kpiId": "ttq", "value": 101.5, "unit": "days", "periodStart": "2026-01-01",
                         "periodEnd": "%s", "source": "BI", "evidence": ["bi://ttq"]}""".formatted(PERIOD_END));
            };
            if (response.status() >= 300) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
            String body = response.body();
            return Long.parseLong(body.substring(body.indexOf("\"version\":") + 10).replaceAll("[^0-9].*$", ""));
        };
    }

    /** Runs the mix with {@code concurrency} workers for {@code duration}. */
    Measured run(Sender sender, int concurrency, Duration duration) throws Exception {
        List<ProgramId> programs = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            programs.add(newApprovedProgram());
        }
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        Histogram latency = Measured.histogram();
        Histogram[] kinds = {Measured.histogram(), Measured.histogram(), Measured.histogram()};
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (ProgramId program : programs) {
            counts.add(threads.submit(() -> {
                LedgerUnderTest.actAsManager();
                Histogram mine = Measured.histogram();
                Histogram[] myKinds = {Measured.histogram(), Measured.histogram(), Measured.histogram()};
                long count = 0;
                while (System.nanoTime() < end) {
                    long i = sequence.getAndIncrement();
                    long t0 = System.nanoTime();
                    sender.send(program, i);
                    long took = System.nanoTime() - t0;
                    mine.recordValue(took);
                    myKinds[kind(i)].recordValue(took);
                    count++;
                }
                synchronized (latency) {
                    latency.add(mine);
                    for (int k = 0; k < kinds.length; k++) {
                        kinds[k].add(myKinds[k]);
                    }
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        threads.shutdown();
        return new Measured(total, (System.nanoTime() - start) / 1e9, latency,
                Map.of(KINDS[0], kinds[0], KINDS[1], kinds[1], KINDS[2], kinds[2]));
    }

    /** The three commands of the mix, by their place in every ten. */
    static final String[] KINDS = {"ProposeProgram", "PivotCurriculum", "RecordImpact"};

    private static int kind(long i) {
        int place = (int) (i % 10);
        return place == 0 ? 0 : place == 5 ? 1 : 2;
    }

    ProposeProgram propose(ProgramId program) {
        return propose(program, partnership);
    }

    private static ProposeProgram propose(ProgramId program, PartnershipId partnership) {
        return new ProposeProgram(program, partnership, "Bench program", List.of("Ramp up"), "Reps", List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId(UUID.randomUUID().toString()), "Discovery")), "Benchmark");
    }

    static RecordImpact impact(ProgramId program) {
        return new RecordImpact(program, UUID.randomUUID().toString(), 4, "ttq", new BigDecimal("101.5"), "days", null,
                "EMEA", LocalDate.parse("2026-01-01"), PERIOD_END, ImpactSource.BI, List.of("bi://ttq"), null, null,
                null);
    }

}
