package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.system.ApiOperations.Operation;
import org.partnershipledger.system.ApiOperations.Param;
import org.partnershipledger.system.BadInputs.Case;

/**
 * Bad input cannot break the ledger: every operation both services document (read from their served OpenAPI
 * documents, so a new endpoint is fuzzed from the day it exists) gets generated bad input ({@link BadInputs}), and
 * every answer is a 4xx {@code application/problem+json} with a code from the catalogue whose status it has, never
 * a 5xx nor another content type; and after the whole run the event store holds exactly the events it held before.
 *
 * <p>Reproducible: the cases follow from a fixed seed ({@code -Dfuzz.seed=...} to try another) and the documents;
 * each operation's cases from its own generator, so adding an endpoint leaves the others' cases as they were.
 * Bounded: at most {@code fuzz.cases-per-operation} cases per operation (default 150, picked across every group of
 * bad input), sent round-robin over the operations, and none after {@code fuzz.budget-seconds} (default 60).
 */
class FuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 19L);
    static final int PER_OPERATION = Integer.getInteger("fuzz.cases-per-operation", 150);
    static final long BUDGET_NANOS = Long.getLong("fuzz.budget-seconds", 60L) * 1_000_000_000L;
    private static final Set<String> CODES = Arrays.stream(ProblemCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    static PartnershipLife life;
    static String concernId;
    static String impactId;
    static String subscriptionId;
    static String processor;
    static String eventType;

    @BeforeAll
    static void aLedgerWithOneOfEverything() throws InterruptedException {
        Http manager = ledger.commands("manager");
        life = new PartnershipLife(manager).live();
        concernId = manager.postJson("/api/partnerships/" + life.partnershipId + "/concerns",
                "{\"raisedBy\": \"CLIENT\", \"subject\": \"Fuzz\", \"description\": \"d\"}").json().get("concernId")
                .asText();
        impactId = manager.postJson("/api/programs/" + life.programId + "/impact", """
                {"level": 1, "kpiId": "ttq", "value": 4, "unit": "days", "cohortId": "%s",
                 "periodStart": "2026-07-01", "periodEnd": "2026-08-31", "source": "SURVEY", "evidence": []}"""
                .formatted(life.cohortId)).json().get("impactId").asText();
        subscriptionId = ledger.queries("integration").postJson("/api/subscriptions", """
                {"url": "http://localhost:9/hook", "types": ["ledger.program.*"], "secret": "0123456789abcdef0123",
                 "after": 999999999}""").json().get("subscriptionId").asText();
        processor = ledger.queries("admin").get("/api/admin/processors").json().get("processors").get(0).get("name")
                .asText();
        eventType = ledger.queries("board").get("/api/schemas").json().get("types").get(0).get("type").asText();
    }

    @Test
    void everyOperationRefusesBadInputWithAProblemOfTheCatalogueAndRecordsNothing() {
        List<Operation> operations = ApiOperations.of(ledger);
        LedgerWorld world = new LedgerWorld();
        List<List<Case>> perOperation = new ArrayList<>();
        int generated = 0;
        int skipped = 0;
        for (Operation operation : operations) {
            BadInputs inputs = new BadInputs(operation, world, new Random(SEED ^ operation.key().hashCode()));
            List<Case> all = inputs.all();
            generated += all.size();
            skipped += inputs.skipped;
            perOperation.add(sample(all, new Random(SEED * 31 + operation.key().hashCode())));
        }
        long eventsBefore = events();
        System.out.printf("FuzzIT seed=%d (-Dfuzz.seed=%d to repeat): %d operations, %d cases generated, up to %d "
                + "each sent%n", SEED, SEED, operations.size(), generated, PER_OPERATION);

        long start = System.nanoTime();
        List<String> findings = new ArrayList<>();
        Map<String, Integer> findingsByKind = new TreeMap<>();
        Set<String> covered = new LinkedHashSet<>();
        int run = 0;
        int strict = 0;
        int fiveHundreds = 0;
        int readsAnswered2xx = 0;
        boolean outOfTime = false;
        for (int round = 0; round < PER_OPERATION && !outOfTime; round++) {
            for (List<Case> cases : perOperation) {
                if (round >= cases.size()) {
                    continue;
                }
                if (System.nanoTime() - start > BUDGET_NANOS) {
                    outOfTime = true;
                    break;
                }
                Case bad = cases.get(round);
                run++;
                strict += bad.strict() ? 1 : 0;
                covered.add(bad.operation().toString());
                RawHttp.Answer answer;
                try {
                    answer = RawHttp.send(bad.operation().port(), bad.request(), 30_000);
                } catch (UncheckedIOException e) {
                    findings.add(bad + "\n    -> no answer: " + e.getCause());
                    findingsByKind.merge("no answer", 1, Integer::sum);
                    continue;
                }
                fiveHundreds += answer.status() >= 500 ? 1 : 0;
                readsAnswered2xx += answer.status() < 300 ? 1 : 0;
                String wrong = judge(bad, answer);
                if (wrong != null) {
                    findings.add(bad + "\n    -> " + wrong + ": " + answer);
                    findingsByKind.merge(wrong + " " + answer.status() + " " + answer.code(), 1, Integer::sum);
                }
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long eventsAfter = events();
        System.out.printf("FuzzIT seed=%d: %d cases run (%d must be refused, %d reads that may answer; %d answered "
                        + "2xx) over %d of %d operations in %d s%s; 5xx found: %d; findings: %d %s; events %d -> %d "
                        + "(%d generated cases left out by sampling, %d writes without a sure refusal not sent)%n",
                SEED, run, strict, run - strict, readsAnswered2xx, covered.size(), operations.size(), seconds,
                outOfTime ? " (stopped at the time budget)" : "", fiveHundreds, findings.size(), findingsByKind,
                eventsBefore, eventsAfter, generated - perOperation.stream().mapToInt(List::size).sum(), skipped);
        findings.stream().limit(40).forEach(finding -> System.out.println("FuzzIT finding: " + finding));
        writeFindings(findings);

        assertThat(findings).as("answers that were not a 4xx problem+json with a code of the catalogue "
                + "(seed " + SEED + "); the first ones are printed above").isEmpty();
        assertThat(eventsAfter).as("events recorded by bad input").isEqualTo(eventsBefore);
        assertThat(covered).as("operations fuzzed").hasSize(operations.size());
        for (int port : List.of(ledger.commandPort(), ledger.queryPort())) {
            Http.Response health = Http.localhost(port).get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
        }
    }

    /** What is wrong with the answer to a case, or null when it is right. */
    static String judge(Case bad, RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "5xx";
        }
        if (status < 400) {
            return bad.strict() || status >= 300 ? "not refused" : null;
        }
        if (!answer.isProblem()) {
            return "not problem+json";
        }
        JsonNode problem;
        try {
            problem = BadInputs.JSON.readTree(answer.body());
        } catch (IOException e) {
            return "problem that is not JSON";
        }
        String code = problem.path("code").asText();
        if (!CODES.contains(code)) {
            return "code not in the catalogue";
        }
        if (ProblemCode.valueOf(code).status().value() != status || problem.path("status").asInt() != status) {
            return "status differs from its code's";
        }
        return null;
    }

    /**
     * At most {@link #PER_OPERATION} of an operation's cases, taken in turn from each group (a body property, a
     * header, a path or query parameter, Authorization, the method), so every group is in the sample.
     */
    private static List<Case> sample(List<Case> all, Random random) {
        Map<String, List<Case>> families = new LinkedHashMap<>();
        for (Case bad : all) {
            families.computeIfAbsent(bad.group(), name -> new ArrayList<>()).add(bad);
        }
        families.values().forEach(cases -> Collections.shuffle(cases, random));
        List<Case> sample = new ArrayList<>();
        for (int i = 0; sample.size() < PER_OPERATION && sample.size() < all.size(); i++) {
            for (List<Case> cases : families.values()) {
                if (i < cases.size() && sample.size() < PER_OPERATION) {
                    sample.add(cases.get(i));
                }
            }
        }
        Collections.shuffle(sample, random);
        return sample;
    }

    /** All of them, for when there are more than the log should hold: target/fuzz-findings.txt. */
    private static void writeFindings(List<String> findings) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-findings.txt"), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long events() {
        try (Connection db = DriverManager.getConnection(ledger.database, "postgres", "");
             ResultSet count = db.createStatement()
                     .executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's existing ids and the user each operation is sent as. */
    private static final class LedgerWorld implements BadInputs.World {

        private final Map<String, Boolean> open = new java.util.HashMap<>();

        /** A read is public when it answers 2xx to a request without credentials; no write is. */
        @Override
        public boolean isPublic(Operation operation) {
            return operation.method().equals("GET") && open.computeIfAbsent(operation.key(), key -> {
                String path = operation.path();
                for (Param param : operation.in("path")) {
                    path = path.replace("{" + param.name() + "}", pathValue(operation, param.name()));
                }
                return RawHttp.send(operation.port(), RawHttp.Request.of("GET", path)).status() < 300;
            });
        }

        @Override
        public String user(Operation operation) {
            String path = operation.path();
            if (operation.side().equals("command")) {
                return "manager";
            } else if (path.startsWith("/api/admin")) {
                return "admin";
            } else if (path.startsWith("/api/stream") || path.startsWith("/api/subscriptions")) {
                return "integration";
            } else if (path.startsWith("/api/export") || path.startsWith("/api/analytics")) {
                return "analyst";
            }
            return "board";
        }

        @Override
        public String pathValue(Operation operation, String name) {
            String path = operation.path();
            return switch (name) {
                case "partnerId" -> life.partnerId;
                case "concernId" -> concernId;
                case "cohortId" -> life.cohortId;
                case "impactId" -> impactId;
                case "type" -> eventType;
                case "name" -> processor;
                default -> path.startsWith("/api/partnerships/") ? life.partnershipId
                        : path.startsWith("/api/programs/") ? life.programId
                        : path.startsWith("/api/subscriptions/") ? subscriptionId
                        : "none-" + name;
            };
        }

        @Override
        public String queryValue(Operation operation, Param param) {
            return switch (param.name()) {
                case "wait" -> "0"; // a consistency check answers at once instead of waiting a minute
                case "period" -> life.quarter;
                case "partnershipId" -> life.partnershipId;
                default -> !param.required() ? null
                        : switch (param.schema().path("type").asText()) {
                            case "integer", "number" -> "1";
                            case "boolean" -> "true";
                            default -> param.schema().path("format").asText().equals("date-time")
                                    ? "2026-01-01T00:00:00Z" : "x";
                        };
            };
        }

        @Override
        public JsonNode bodyValue(String property) {
            return switch (property) {
                case "partnershipId" -> TextNode.valueOf(life.partnershipId);
                case "cohortId" -> TextNode.valueOf(life.cohortId);
                case "kpiId", "kpiTargets[]" -> TextNode.valueOf("ttq");
                case "url" -> TextNode.valueOf("http://localhost:9/hook");
                case "types[]" -> TextNode.valueOf("ledger.program.*");
                case "secret" -> TextNode.valueOf("0123456789abcdef0123");
                case "organizationId" -> TextNode.valueOf("fuzz-org");
                case "currency" -> TextNode.valueOf("EUR");
                case "timeZone" -> TextNode.valueOf("Europe/Paris");
                case "language" -> TextNode.valueOf("en");
                case "period" -> TextNode.valueOf(life.quarter);
                default -> null;
            };
        }
    }
}
