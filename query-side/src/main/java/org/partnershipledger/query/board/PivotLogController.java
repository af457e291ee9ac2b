package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.ReadConsistency;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnswersAtPosition
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History")
class PivotLogController {

    private final EventLog log;
    private final PartnerScope scope;
    private final ReadConsistency consistency;

    PivotLogController(EventLog log, PartnerScope scope, ReadConsistency consistency) {
        this.log = log;
        this.scope = scope;
        this.consistency = consistency;
    }

    record Pivot(long position, String partnershipId, String programId, int fromVersion, int toVersion,
                 String trigger, String reason, String approvedBy, String actor, Instant at, String summary) {
        static Pivot of(LoggedEvent e, CurriculumPivoted p) {
            return new Pivot(e.position(), e.partnershipId(), e.aggregateId(), p.fromVersion(), p.toVersion(),
                    p.trigger().name(), p.reason(), p.approvedBy(), e.actor(), e.timestamp(), e.summary());
        }
    }

    record Pivots(List<Pivot> pivots) {
    }

    @GetMapping("/api/pivots")
    @Operation(operationId = "listPivots", summary = "The pivot log across partnerships: why curricula changed, when, on whose approval")
    ResponseEntity<Pivots> pivots(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) PivotTrigger trigger,
            @RequestParam(required = false) String partnershipId) {
        List<Pivot> pivots = log.pivots(from, to, trigger, partnershipId, scope.limitedTo().orElse(null)).stream()
                .filter(readable())
                .flatMap(e -> e.eventAs(CurriculumPivoted.class).map(p -> Pivot.of(e, p)).stream()).toList();
        return consistency.ok(new Pivots(pivots), EventLog.READ_MODEL);
    }

    record CostSplit(String currency, BigDecimal totalBudget, List<CostShare> shares, String reason, String actor,
                     Instant at) {
    }

    record CostSplits(String partnershipId, List<CostSplit> splits) {
    }

    @GetMapping("/api/partnerships/{id}/cost-sharing")
    @Operation(operationId = "getCostSharing", summary = "Every split of the partnership's cost among business units, with its reason")
    @Rejects(ProblemCode.PARTNERSHIP_NOT_FOUND)
    ResponseEntity<CostSplits> costSharing(@PathVariable String id) {
        scope.assertMaySee(id);
        if (log.ofPartnership(id, List.of(PartnershipOpened.class), null, null).isEmpty()) {
            throw NotFound.partnership(id);
        }
        List<CostSplit> splits = log.ofPartnership(id, List.of(CostSharingAgreed.class), null, null).stream()
                .filter(readable())
                .flatMap(e -> e.eventAs(CostSharingAgreed.class).map(c -> new CostSplit(c.currency(),
                        c.totalBudget(), c.shares(), e.reason(), e.actor(), e.timestamp())).stream())
                .toList();
        return consistency.ok(new CostSplits(id, splits), EventLog.READ_MODEL);
    }

    /** Every entry for most readers; for a partner, those its policy lets it read (standing per partnership). */
    private Predicate<LoggedEvent> readable() {
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isEmpty()) {
            return entry -> true;
        }
        Map<String, Optional<PartnerPolicy.Standing>> standings = new HashMap<>();
        return entry -> standings.computeIfAbsent(entry.partnershipId(),
                        id -> partner.get().standingIn(log.partnershipEntries(id)))
                .map(standing -> partner.get().mayRead(entry, standing)).orElse(false);
    }
}
