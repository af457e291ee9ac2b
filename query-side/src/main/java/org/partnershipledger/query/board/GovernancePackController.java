package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.events.partnership.ConcernRaised;
import org.partnershipledger.events.partnership.ConcernResolved;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ProgramApproved;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ImpactSummary;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.program.ProgramViews;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pack a steering group reads before its business review: what changed in the period and why, who approved,
 * what impact was recorded, which concerns came and went, how costs moved, the review itself, and where each
 * KPI stands at the end of the period.
 */
@RestController
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Governance")
class GovernancePackController {

    private final PartnershipViews partnerships;
    private final ProgramViews programs;
    private final EventLog log;
    private final PartnerScope scope;
    private final ReadConsistency consistency;

    GovernancePackController(PartnershipViews partnerships, ProgramViews programs, EventLog log, PartnerScope scope,
                             ReadConsistency consistency) {
        this.partnerships = partnerships;
        this.programs = programs;
        this.log = log;
        this.scope = scope;
        this.consistency = consistency;
    }

    record KpiStatus(String kpiId, String name, String unit, BigDecimal baseline, BigDecimal target,
                     BigDecimal latestActual, BigDecimal percentOfTarget) {
    }

    @GetMapping("/{id}/governance-pack")
    @Operation(summary = "The governance pack of a quarter (2026-Q3) or month (2026-09)")
    ResponseEntity<Map<String, Object>> pack(@PathVariable String id, @RequestParam String period) {
        Period range = Period.parse(period);
        scope.assertMaySee(id);
        PartnershipView partnership = partnerships.find(id).orElseThrow(() -> NotFound.partnership(id));
        List<ProgramView> itsPrograms = programs.ofPartnership(id);

        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("partnershipId", id);
        pack.put("name", partnership.name);
        pack.put("period", range.name());
        pack.put("from", range.start());
        pack.put("to", range.end());
        pack.put("pivots", events(id, range, CurriculumPivoted.class));
        pack.put("approvals", events(id, range, ProgramApproved.class, PartnerSelected.class));
        pack.put("impactRecords", impactRecords(itsPrograms, range));
        pack.put("concernsRaised", events(id, range, ConcernRaised.class));
        pack.put("concernsResolved", events(id, range, ConcernResolved.class));
        pack.put("costChanges", events(id, range, CostSharingAgreed.class));
        pack.put("review", partnership.businessReviews.stream().filter(r -> r.period().equals(range.name()))
                .findFirst().orElse(null));
        pack.put("kpiStatus", kpiStatus(partnership.kpis, itsPrograms, range));
        return consistency.ok(pack, EventLog.READ_MODEL);
    }

    private List<LoggedEvent> events(String id, Period range, Class<?>... types) {
        return log.ofPartnership(id, List.of(types), range.start(), range.end());
    }

    private static List<ProgramView.Impact> impactRecords(List<ProgramView> programs, Period range) {
        return programs.stream().flatMap(p -> p.impacts.stream())
                .filter(i -> !i.recordedAt.isBefore(range.start()) && i.recordedAt.isBefore(range.end()))
                .toList();
    }

    /** Latest results (level 4) measured for a period ending within or before this one, withdrawn ones left out. */
    private static List<KpiStatus> kpiStatus(List<Kpi> kpis, List<ProgramView> programs, Period range) {
        return kpis.stream().map(kpi -> {
            List<ProgramView.Impact> results = programs.stream().flatMap(p -> p.impacts.stream())
                    .filter(i -> i.kpiId.equals(kpi.kpiId()) && i.level == 4 && !i.withdrawn
                            && i.periodEnd.isBefore(range.dayAfter()))
                    .toList();
            BigDecimal actual = ImpactSummary.latest(results).map(i -> i.value).orElse(null);
            return new KpiStatus(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.baseline(), kpi.target(), actual,
                    ImpactSummary.percentOfTarget(actual, kpi.baseline(), kpi.target()));
        }).toList();
    }
}
