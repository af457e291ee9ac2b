package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.XapiMappingSet;
import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes statements in, pushed or pulled: checks every one first (a batch with one invalid statement stores nothing),
 * stores the new ones in one transaction, voids what voiding statements name, sorts each into the buckets of the
 * program whose mapping names it, then has {@link ImpactFeed} bring the affected impact records up to date.
 */
@Component
class StatementIntake {

    private final StatementStore store;
    private final XapiMappingTable mappings;
    private final ImpactFeed feed;
    private final CurationUses curationUses;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String authorityHomePage;

    StatementIntake(StatementStore store, XapiMappingTable mappings, ImpactFeed feed, CurationUses curationUses,
                    TransactionTemplate transaction,
                    Clock clock, @Value("${ledger.xapi.authority-home-page:https://partnership-ledger.example/users}")
                    String authorityHomePage) {
        this.store = store;
        this.mappings = mappings;
        this.feed = feed;
        this.curationUses = curationUses;
        this.transaction = transaction;
        this.clock = clock;
        this.authorityHomePage = authorityHomePage;
    }

    /** What a batch did: the ids in the order sent, and how many were new. */
    record Accepted(List<UUID> ids, int stored, int conflicts) {
    }

    /** Checks each statement; the first that breaks a rule refuses the batch, naming its place in it. */
    static List<ObjectNode> validated(List<JsonNode> statements, boolean batch) {
        List<ObjectNode> valid = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            try {
                ObjectNode statement = StatementRules.validated(statements.get(i));
                if (statement.has("id") && !ids.add(statement.get("id").asText().toLowerCase())) {
                    throw new XapiInvalid("statement.id", "is sent twice in the batch");
                }
                valid.add(statement);
            } catch (XapiInvalid invalid) {
                throw batch ? new XapiInvalid("statements[" + i + "] " + invalid.path(), invalid.getMessage()
                        .substring(invalid.path().length() + 2)) : invalid;
            }
        }
        return valid;
    }

    /**
     * Stores what is new and updates the figures it affects. A statement already stored with the same content is
     * left as it is; one with the same id and other content refuses the whole batch (409).
     */
    Accepted accept(List<ObjectNode> statements, String receivedFrom, String authority, String version) {
        return accept(statements, receivedFrom, authority, version, false);
    }

    /** As {@link #accept}; with {@code skipConflicts} (a pulled page), a conflicting statement is skipped, counted. */
    Accepted accept(List<ObjectNode> statements, String receivedFrom, String authority, String version,
                    boolean skipConflicts) {
        Map<UUID, String> causes = new LinkedHashMap<>();
        Map<XapiMappingTable.Curation, List<Evidence>> uses = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        int[] stored = {0, 0};
        List<XapiMappingSet> programs = mappings.all();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (ObjectNode statement : statements) {
                UUID id = statement.has("id") ? UUID.fromString(statement.get("id").asText()) : UUID.randomUUID();
                statement.put("id", id.toString());
                ids.add(id);
                String hash = Canonical.contentHash(statement);
                try {
                    Optional<StatementStore.Row> known = store.find(id);
                    if (known.isPresent()) {
                        assertSame(known.get(), id, hash);
                    } else if (storeNew(statement, id, hash, now, receivedFrom, authority, version, programs,
                            causes)) {
                        stored[0]++;
                        curationUses.of(id.toString(), statement).forEach((curation, evidence) ->
                                uses.computeIfAbsent(curation, c -> new ArrayList<>()).add(evidence));
                    } else {
                        assertSame(store.find(id).orElseThrow(), id, hash); // a twin request stored it meanwhile
                    }
                } catch (XapiProblem conflict) {
                    if (!skipConflicts) {
                        throw conflict;
                    }
                    stored[1]++;
                }
            }
        });
        feed.recompute(causes);
        curationUses.record(uses);
        return new Accepted(ids, stored[0], stored[1]);
    }

    private static void assertSame(StatementStore.Row stored, UUID id, String hash) {
        if (!stored.contentHash().equals(hash)) {
            throw new XapiProblem(ProblemCode.XAPI_STATEMENT_CONFLICT,
                    "Statement " + id + " is stored already with other content");
        }
    }

    private boolean storeNew(ObjectNode statement, UUID id, String hash, Instant now, String receivedFrom,
                             String authority, String version, List<XapiMappingSet> programs,
                             Map<UUID, String> causes) {
        statement.put("stored", DateTimeFormatter.ISO_INSTANT.format(now));
        if (!statement.has("authority")) {
            ObjectNode agent = JsonNodeFactory.instance.objectNode().put("objectType", "Agent");
            agent.putObject("account").put("homePage", authorityHomePage).put("name", authority);
            statement.set("authority", agent);
        }
        if (!statement.has("version")) {
            statement.put("version", version.startsWith("2.") ? "2.0.0" : "1.0.0");
        }
        String actorKey = AgentRules.identifier(statement.get("actor"));
        if (StatementRules.VOIDED.equals(statement.path("verb").path("id").asText())) {
            UUID target = UUID.fromString(statement.path("object").path("id").asText());
            if (!store.insert(id, statement, hash, now, actorKey, target, false, null, receivedFrom)) {
                return false;
            }
            Optional<StatementStore.Row> voided = store.find(target);
            // voiding a voiding statement has no effect (the specification says to ignore it)
            if (voided.isPresent() && voided.get().voids() == null && !voided.get().voided()) {
                store.markVoided(target, id);
                for (UUID bucket : store.bucketsOf(target)) {
                    causes.put(bucket, "Statement " + target + " was voided by statement " + id);
                }
            }
            return true;
        }
        // a voiding statement may arrive before the statement it voids
        boolean voided = store.voidedBy(id).isPresent();
        XapiMappingSet program = voided ? null
                : programs.stream().filter(mapping -> Bucket.names(mapping, statement)).findFirst().orElse(null);
        if (!store.insert(id, statement, hash, now, actorKey, null, voided, program == null ? null
                : program.programId().value(), receivedFrom)) {
            return false;
        }
        if (program != null) {
            for (XapiMappingSet mapping : programs) {
                if (!Bucket.names(mapping, statement)) {
                    continue;
                }
                for (Bucket.Entry entry : Bucket.entries(mapping, statement)) {
                    UUID bucket = entry.bucket().id();
                    store.count(bucket, entry.bucket(), id, entry.figure(), now);
                    causes.putIfAbsent(bucket, null);
                }
            }
        }
        return true;
    }
}
