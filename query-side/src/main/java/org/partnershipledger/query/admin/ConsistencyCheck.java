package org.partnershipledger.query.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.http.Conflict;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.readmodel.ReadModel;
import org.partnershipledger.query.readmodel.ReadModelPositions;
import org.partnershipledger.query.readmodel.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers "is every read model complete and equal to what the event store says?" by comparing them with the
 * event store itself, safely on a live ledger.
 *
 * <p>How it stays exact while events keep arriving: each comparison is one SQL statement, so it sees the store,
 * the read model and the processor's recorded position in one snapshot. A processor records, with its data, the
 * highest position it has reached and the positions below it it has not seen yet (transactions still open when it
 * read on). An event at or below the reached position is owed by the read model unless it is one of those: those
 * are counted as pending, not as differences. The event log is compared row by row in slices of positions, so a
 * big store is checked in statements that each stay short, and progress can be shown.
 *
 * <p>What is compared:
 * <ul>
 *   <li>event log: every position present once, with the store's event id, aggregate, sequence number and type;
 *       counts by type;</li>
 *   <li>board views: the last sequence number applied to each partnership and program against the store's;</li>
 *   <li>impact facts: every ImpactRecorded has its fact, withdrawn exactly when an ImpactWithdrawn says so, and no
 *       fact the store never recorded;</li>
 *   <li>every read model: a digest of its tables, equal across two ledgers (or a rebuild) with the same history.</li>
 * </ul>
 */
@Component
public class ConsistencyCheck {

    static final int SLICE = 50_000;
    /** At most this many differences are listed; all are counted. */
    static final int LISTED = 1_000;

    private static final String EVENT_LOG = EventLog.READ_MODEL;
    private static final String BOARD_VIEWS = PartnershipViews.BOARD_VIEWS;
    private static final String IMPACT_FACTS = "impact-facts";

    private final JdbcClient jdbc;
    private final ReadModels readModels;
    private final Clock clock;
    private final EventStore eventStore;

    ConsistencyCheck(JdbcClient jdbc, ReadModels readModels, Clock clock, EventStore eventStore) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.clock = clock;
        this.eventStore = eventStore;
    }

    /**
     * The comparisons read the event store's table in the same statements as the read models, which needs the
     * store in PostgreSQL. With Axon Server the events live there, and this check says so rather than report every
     * event as a difference.
     */
    public void requireComparableStore() {
        if (!(eventStore instanceof EmbeddedEventStore)) {
            throw new Conflict(ProblemCode.CHECK_NEEDS_POSTGRESQL_STORE, "The consistency check compares read models with "
                    + "the event store in PostgreSQL; this ledger keeps its events in "
                    + eventStore.getClass().getSimpleName());
        }
    }

    /** One thing that differs: which read model, which aggregate, at which position, and how. */
    public record Difference(String readModel, String aggregate, Long position, String problem) {
    }

    /** What one read model was compared on. */
    public record ReadModelResult(String name, long position, long checked, long pending, long differences,
                                  String digest) {
    }

    @Schema(name = "ConsistencyReport")
    public record Report(Instant checkedAt, boolean consistent, long headPosition, long differenceCount,
                         List<Difference> differences, List<ReadModelResult> readModels,
                         Map<String, Long> eventsByType, Map<String, Long> loggedByType) {
    }

    /** Runs the check; callers first make sure the store can be compared ({@link #requireComparableStore}). */
    public Report run(boolean digests, DoubleConsumer progress) {
        Instant at = clock.instant();
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
                .query(Long.class).single();
        List<Difference> differences = new ArrayList<>();
        long[] count = {0};
        DifferenceSink sink = difference -> {
            count[0]++;
            if (differences.size() < LISTED) {
                differences.add(difference);
            }
        };
        Map<String, Long> eventsByType = new TreeMap<>();
        Map<String, Long> loggedByType = new TreeMap<>();
        List<ReadModelResult> results = new ArrayList<>();
        long slices = slicesOf(EVENT_LOG);
        long impactSlices = slicesOf(IMPACT_FACTS);
        double steps = slices + 1.0 + impactSlices + (digests ? readModels.all().size() : 0);
        results.add(eventLog(sink, eventsByType, loggedByType, done -> progress.accept(done / steps)));
        results.add(boardViews(sink));
        progress.accept((slices + 1) / steps);
        results.add(impactFacts(sink, done -> progress.accept((slices + 1 + done) / steps)));
        progress.accept((slices + 1 + impactSlices) / steps);
        List<ReadModelResult> withDigests = new ArrayList<>();
        int digested = 0;
        for (ReadModel readModel : readModels.all()) {
            String digest = digests ? digest(readModel) : null;
            ReadModelResult compared = results.stream().filter(r -> r.name().equals(readModel.processor()))
                    .findFirst().orElse(new ReadModelResult(readModel.processor(),
                            ReadModelPositions.of(jdbc, readModel.processor()), 0, 0, 0, null));
            withDigests.add(new ReadModelResult(compared.name(), compared.position(), compared.checked(),
                    compared.pending(), compared.differences(), digest));
            if (digests) {
                progress.accept((slices + 1 + impactSlices + ++digested) / steps);
            }
        }
        progress.accept(1.0);
        return new Report(at, count[0] == 0, head, count[0], differences, withDigests, eventsByType, loggedByType);
    }

    private long slicesOf(String processor) {
        return Math.max(1, (ReadModelPositions.of(jdbc, processor) + SLICE - 1) / SLICE);
    }

    private interface Slice {
        void check(long from, long to);
    }

    /** Checks the positions up to what the processor has reached, a slice at a time; answers that position. */
    private long inSlices(String processor, DoubleConsumer slicesDone, Slice slice) {
        long reached = ReadModelPositions.of(jdbc, processor);
        int done = 0;
        for (long from = 0; from < reached; from += SLICE) {
            slice.check(from, Math.min(reached, from + SLICE));
            slicesDone.accept(++done);
        }
        return reached;
    }

    private interface DifferenceSink {
        void add(Difference difference);
    }

    /** The event log, slice by slice up to the position its processor has reached. */
    private ReadModelResult eventLog(DifferenceSink sink, Map<String, Long> eventsByType,
                                     Map<String, Long> loggedByType, DoubleConsumer slicesDone) {
        long[] found = {0};
        long reached = inSlices(EVENT_LOG, slicesDone, (from, to) -> {
            for (Map<String, Object> row : jdbc.sql("""
                            WITH s AS (SELECT global_index AS position, event_identifier, aggregate_identifier,
                                              sequence_number, regexp_replace(payload_type, '^.*[.$]', '') AS type
                                         FROM event_store.domain_event_entry
                                        WHERE global_index > :from AND global_index <= :to),
                                 l AS (SELECT position, event_id, aggregate_id, sequence_number, type
                                         FROM analytics.event_log WHERE position > :from AND position <= :to),
                                 pending AS (SELECT unnest(gaps) AS position FROM query_side.read_model_position
                                              WHERE processor = :processor)
                            SELECT coalesce(s.position, l.position) AS position,
                                   coalesce(s.aggregate_identifier, l.aggregate_id) AS aggregate,
                                   CASE WHEN l.position IS NULL THEN 'missing: ' || s.type || ' #' || s.sequence_number
                                        WHEN s.position IS NULL THEN 'not in the event store: ' || l.type
                                        ELSE 'differs from the event store: ' || l.type || ' #' || l.sequence_number
                                             || ' (' || l.event_id || ') where the store has ' || s.type || ' #'
                                             || s.sequence_number || ' (' || s.event_identifier || ')' END AS problem
                              FROM s FULL JOIN l ON s.position = l.position
                             WHERE (l.position IS NULL AND s.position NOT IN (SELECT position FROM pending))
                                OR s.position IS NULL
                                OR s.event_identifier <> l.event_id OR s.aggregate_identifier <> l.aggregate_id
                                OR s.sequence_number <> l.sequence_number OR s.type <> l.type
                             ORDER BY 1""")
                    .param("from", from).param("to", to).param("processor", EVENT_LOG).query().listOfRows()) {
                found[0]++;
                sink.add(new Difference(EVENT_LOG, (String) row.get("aggregate"), (Long) row.get("position"),
                        (String) row.get("problem")));
            }
            jdbc.sql("""
                            SELECT regexp_replace(payload_type, '^.*[.$]', '') AS type, count(*) AS n
                              FROM event_store.domain_event_entry WHERE global_index > ? AND global_index <= ?
                             GROUP BY 1""")
                    .params(from, to).query((rs, i) -> eventsByType.merge(rs.getString(1), rs.getLong(2), Long::sum))
                    .list();
            jdbc.sql("SELECT type, count(*) FROM analytics.event_log WHERE position > ? AND position <= ? GROUP BY 1")
                    .params(from, to).query((rs, i) -> loggedByType.merge(rs.getString(1), rs.getLong(2), Long::sum))
                    .list();
        });
        return new ReadModelResult(EVENT_LOG, reached, reached, pending(EVENT_LOG), found[0], null);
    }

    /** Each partnership's and program's view against the last sequence number the store has for it. */
    private ReadModelResult boardViews(DifferenceSink sink) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        WITH done AS (SELECT position, gaps FROM query_side.read_model_position
                                       WHERE processor = :processor),
                             owed AS (SELECT e.aggregate_identifier AS aggregate, e.type,
                                             max(e.sequence_number) AS last_sequence,
                                             bool_or(e.global_index > coalesce((SELECT position FROM done), -1)
                                                     OR e.global_index = ANY ((SELECT gaps FROM done)::bigint[])) AS moving
                                        FROM event_store.domain_event_entry e
                                       WHERE e.type IN (:partnership, :program) GROUP BY 1, 2),
                             views AS (SELECT partnership_id AS aggregate, :partnership AS type, version
                                         FROM query_side.partnership_view
                                       UNION ALL
                                       SELECT program_id, :program, version FROM query_side.program_view)
                        SELECT coalesce(o.aggregate, v.aggregate) AS aggregate, o.last_sequence, v.version,
                               coalesce(o.moving, false) AS moving
                          FROM owed o FULL JOIN views v ON o.aggregate = v.aggregate AND o.type = v.type""")
                .param("processor", BOARD_VIEWS).param("partnership", PartnershipEvent.AGGREGATE)
                .param("program", ProgramEvent.AGGREGATE).query().listOfRows();
        long checked = 0;
        long pending = 0;
        long found = 0;
        for (Map<String, Object> row : rows) {
            if ((Boolean) row.get("moving")) {
                pending++;
                continue;
            }
            checked++;
            Long owed = (Long) row.get("last_sequence");
            Long version = (Long) row.get("version");
            if (owed == null || !owed.equals(version)) {
                found++;
                sink.add(new Difference(BOARD_VIEWS, (String) row.get("aggregate"), null, owed == null
                        ? "a view of an aggregate the event store does not have"
                        : version == null ? "no view; the event store has events up to #" + owed
                        : "view at #" + version + ", the event store at #" + owed));
            }
        }
        return new ReadModelResult(BOARD_VIEWS, ReadModelPositions.of(jdbc, BOARD_VIEWS), checked, pending, found,
                null);
    }

    /**
     * Every impact recorded has its fact, withdrawn exactly when the store says so, slice by slice like the event
     * log (a big store's payloads are decoded a slice at a time); then no fact the store never recorded.
     */
    private ReadModelResult impactFacts(DifferenceSink sink, DoubleConsumer slicesDone) {
        long[] checked = {0};
        long[] found = {0};
        long reached = inSlices(IMPACT_FACTS, slicesDone, (from, to) -> {
            for (Map<String, Object> row : jdbc.sql("""
                            WITH pending AS (SELECT unnest(gaps) AS position FROM query_side.read_model_position
                                              WHERE processor = :processor),
                                 e AS (SELECT global_index, aggregate_identifier,
                                              payload_type,
                                              convert_from(payload, 'UTF8')::jsonb ->> 'impactId' AS impact_id
                                         FROM event_store.domain_event_entry
                                        WHERE global_index > :from AND global_index <= :to
                                          AND payload_type IN (:recorded, :withdrawn)
                                          AND global_index NOT IN (SELECT position FROM pending))
                            SELECT e.global_index AS position, e.aggregate_identifier AS program_id, e.payload_type,
                                   e.impact_id,
                                   f.impact_id IS NOT NULL AS has_fact, coalesce(f.withdrawn, false) AS withdrawn,
                                   e.payload_type = :recorded AND coalesce(f.withdrawn, false) AND NOT EXISTS (
                                       SELECT 1 FROM event_store.domain_event_entry w
                                        WHERE w.aggregate_identifier = e.aggregate_identifier
                                          AND w.payload_type = :withdrawn
                                          AND convert_from(w.payload, 'UTF8')::jsonb ->> 'impactId' = e.impact_id)
                                       AS withdrawn_in_facts_only
                              FROM e LEFT JOIN analytics.impact_fact f ON f.impact_id = e.impact_id
                             ORDER BY 1""")
                    .param("from", from).param("to", to).param("processor", IMPACT_FACTS)
                    .param("recorded", ImpactRecorded.class.getName()).param("withdrawn", ImpactWithdrawn.class.getName())
                    .query().listOfRows()) {
                checked[0]++;
                String impact = (String) row.get("impact_id");
                String problem = !(Boolean) row.get("has_fact") ? "no fact for impact " + impact
                        : ImpactWithdrawn.class.getName().equals(row.get("payload_type")) && !(Boolean) row.get("withdrawn")
                        ? "impact " + impact + " was withdrawn but its fact is not"
                        : (Boolean) row.get("withdrawn_in_facts_only")
                        ? "impact " + impact + " is withdrawn in the facts but not in the store" : null;
                if (problem != null) {
                    found[0]++;
                    sink.add(new Difference(IMPACT_FACTS, (String) row.get("program_id"), (Long) row.get("position"),
                            problem));
                }
            }
        });
        // a fact the store never recorded: counted in one snapshot with the processor's position, listed if any
        boolean madeUp = jdbc.sql("""
                        WITH done AS (SELECT position, gaps FROM query_side.read_model_position WHERE processor = ?)
                        SELECT (SELECT count(*) FROM analytics.impact_fact) > (
                               SELECT count(*) FROM event_store.domain_event_entry
                                WHERE payload_type = ? AND global_index <= (SELECT position FROM done)
                                  AND NOT global_index = ANY ((SELECT gaps FROM done)::bigint[]))""")
                .params(IMPACT_FACTS, ImpactRecorded.class.getName()).query(Boolean.class).single();
        if (madeUp) {
            for (Map<String, Object> row : jdbc.sql("""
                            SELECT f.impact_id, f.program_id FROM analytics.impact_fact f
                             WHERE NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry e
                                                WHERE e.aggregate_identifier = f.program_id
                                                  AND e.payload_type = ?
                                                  AND convert_from(e.payload, 'UTF8')::jsonb ->> 'impactId' = f.impact_id)""")
                    .param(ImpactRecorded.class.getName()).query().listOfRows()) {
                found[0]++;
                sink.add(new Difference(IMPACT_FACTS, (String) row.get("program_id"), null,
                        "impact " + row.get("impact_id") + " is not in the event store"));
            }
        }
        return new ReadModelResult(IMPACT_FACTS, reached, checked[0], pending(IMPACT_FACTS), found[0], null);
    }

    /** How many positions the processor has not seen yet are in the store now (it will get them). */
    private long pending(String processor) {
        return ReadModelPositions.gapsOf(jdbc, processor).stream().filter(gap -> jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry WHERE global_index = ?)")
                .param(gap).query(Boolean.class).single()).count();
    }

    /** A digest of the read model's tables: the same rows give the same digest, whatever order they were written in. */
    private String digest(ReadModel readModel) {
        StringBuilder tables = new StringBuilder();
        for (String table : readModel.tables()) {
            tables.append(jdbc.sql("SELECT coalesce(md5(string_agg(r, '' ORDER BY r)), '') FROM (SELECT md5(t::text) AS r FROM "
                    + table + " t) rows").query(String.class).single());
        }
        return jdbc.sql("SELECT md5(?)").param(tables.toString()).query(String.class).single();
    }
}
