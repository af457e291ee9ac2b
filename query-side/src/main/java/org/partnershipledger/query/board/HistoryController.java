package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.Paging;
import org.partnershipledger.query.http.ReadConsistency;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnswersAtPosition
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History")
class HistoryController {

    private final JdbcClient jdbc;
    private final EventLog log;
    private final PartnerScope scope;
    private final ReadConsistency consistency;

    HistoryController(JdbcClient jdbc, EventLog log, PartnerScope scope, ReadConsistency consistency) {
        this.jdbc = jdbc;
        this.log = log;
        this.scope = scope;
        this.consistency = consistency;
    }

    /** A page of a partnership's history; {@code events} keeps the name the first clients were given. */
    record History(String partnershipId, List<LoggedEvent> events, int page, int size, long total) {
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "getPartnershipHistory", summary = "The events of a partnership and its programs in order: who, when, why, what")
    @Rejects(ProblemCode.PARTNERSHIP_NOT_FOUND)
    ResponseEntity<History> history(@PathVariable String id, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        scope.assertMaySee(id);
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM analytics.event_log WHERE partnership_id = ?)")
                .param(id).query(Boolean.class).single();
        if (!known) {
            throw NotFound.partnership(id);
        }
        String where = """
                FROM analytics.event_log WHERE partnership_id = :id
                  AND (CAST(:type AS text) IS NULL OR type = :type)
                  AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)""";
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("type", type);
        params.put("actor", actor);
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isPresent()) {
            return consistency.ok(historyFor(partner.get(), id, where, params, page, size), EventLog.READ_MODEL);
        }
        long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<LoggedEvent> events = jdbc.sql("SELECT " + LoggedEvent.COLUMNS + " " + where
                        + " ORDER BY position LIMIT :limit OFFSET :offset")
                .params(params).query((rs, row) -> log.read(rs)).list();
        return consistency.ok(new History(id, events, page, size, total), EventLog.READ_MODEL);
    }

    /**
     * A partner's page: the entries the policy lets it read, counted and paged after the policy decided, so the
     * total never counts what it may not see. Its standing comes from the same event log.
     */
    private History historyFor(PartnerPolicy partner, String id, String where, Map<String, Object> params, int page,
                               int size) {
        PartnerPolicy.Standing standing = partner.standingIn(log.partnershipEntries(id))
                .orElseThrow(() -> NotFound.partnership(id));
        List<LoggedEvent> events = new ArrayList<>();
        long total = 0;
        long first = (long) page * size;
        try (Stream<LoggedEvent> entries = jdbc.sql("SELECT " + LoggedEvent.COLUMNS + " " + where
                + " ORDER BY position").params(params).query((rs, row) -> log.read(rs)).stream()) {
            for (LoggedEvent entry : (Iterable<LoggedEvent>) entries::iterator) {
                if (partner.mayRead(entry, standing)) {
                    if (total >= first && events.size() < size) {
                        events.add(partner.shown(entry));
                    }
                    total++;
                }
            }
        }
        return new History(id, events, page, size, total);
    }
}
