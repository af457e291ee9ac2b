package org.partnershipledger.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a phase: the query side's processors, the rest of this JVM (commands, HTTP,
 * garbage collection, compilation) and PostgreSQL. On two cores this is what bounds the command rate once the
 * processors keep up with every command.
 */
final class CpuAccount {

    /** CPU nanoseconds used so far by each part; PostgreSQL is -1 where /proc cannot tell. */
    record Used(long processors, long jvm, long postgres) {

        /** Milliseconds of CPU per {@code per} in each part between {@code before} and this. */
        String since(Used before, double operations, String per) {
            double processorsMs = (processors - before.processors) / 1e6 / operations;
            double restMs = ((jvm - before.jvm) - (processors - before.processors)) / 1e6 / operations;
            String text = String.format("ms CPU per %s: processors %.2f, rest of the JVM %.2f", per, processorsMs,
                    restMs);
            return postgres < 0 ? text
                    : text + String.format(", PostgreSQL %.2f", (postgres - before.postgres) / 1e6 / operations);
        }

        /**
         * The same, with the JVM not split: a rebuild's processor threads end at its take-over, so their CPU is only
         * in the process's total.
         */
        String wholeJvmSince(Used before, double operations, String per) {
            String text = String.format("ms CPU per %s: the JVM (processors included) %.2f", per,
                    (jvm - before.jvm) / 1e6 / operations);
            return postgres < 0 ? text
                    : text + String.format(", PostgreSQL %.2f", (postgres - before.postgres) / 1e6 / operations);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Used now() {
        long processors = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("EventProcessor[")
                    || thread.getThreadName().startsWith("EmbeddedEventStore"))) {
                processors += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Used(processors, jvm, postgres());
    }

    /**
     * Waits, at most {@code longest}, until this JVM and PostgreSQL together use less than a tenth of one core over
     * half a second, so that a phase is not charged with what the one before left running: after a replay, Axon's
     * shared reader of the event store reads up to the head again and wakes every processor at each event it
     * adds; after a take-over, PostgreSQL vacuums and analyses the tables just taken over. Returns the seconds
     * waited.
     */
    static double awaitQuiet(java.time.Duration longest) throws InterruptedException {
        long started = System.nanoTime();
        long window = 500_000_000L;
        Used before = now();
        while (System.nanoTime() - started < longest.toNanos()) {
            Thread.sleep(window / 1_000_000);
            Used after = now();
            long used = (after.jvm - before.jvm) + Math.max(0, after.postgres - before.postgres);
            if (used < window / 10) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** CPU nanoseconds used so far by the live threads whose names start with one of {@code prefixes}. */
    static long threads(String... prefixes) {
        long used = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && Stream.of(prefixes).anyMatch(thread.getThreadName()::startsWith)) {
                used += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return used;
    }

    /** utime + stime of every process named postgres, in nanoseconds (Linux clock ticks are 1/100 s). */
    private static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuAccount::postgresTicks).sum() * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
