package org.partnershipledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: a table on standard output and the same as JSON. */
final class Report {

    record Figure(String name, String value, String detail) {
    }

    record Target(String id, String description, double measured, String comparison, double limit, boolean pass) {
    }

    final Map<String, Object> machine = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();

    void figure(String name, String value, String detail) {
        figures.add(new Figure(name, value, detail));
        System.out.printf("  %-52s %14s   %s%n", name, value, detail);
    }

    void atLeast(String id, String description, double measured, double limit) {
        targets.add(new Target(id, description, round(measured), ">=", limit, measured >= limit));
    }

    void atMost(String id, String description, double measured, double limit) {
        targets.add(new Target(id, description, round(measured), "<=", limit, measured <= limit));
    }

    void below(String id, String description, double measured, double limit) {
        targets.add(new Target(id, description, round(measured), "<", limit, measured < limit));
    }

    void print() {
        System.out.println();
        System.out.println("Targets");
        for (Target t : targets) {
            System.out.printf("  %-4s %-62s %10s %2s %-8s %s%n", t.id(), t.description(), t.measured(), t.comparison(),
                    t.limit(), t.pass() ? "PASS" : "FAIL");
        }
        long passed = targets.stream().filter(Target::pass).count();
        System.out.printf("%n%d of %d targets met%n", passed, targets.size());
    }

    void write(Path file) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("figures", figures);
        all.put("targets", targets);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
        System.out.println("JSON written to " + file);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    static String millis(double millis) {
        return String.format("%.2f ms", millis);
    }
}
