package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.partnershipledger.events.partnership.ConcernRaised;
import org.partnershipledger.events.partnership.ConcernResolved;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ProgramApproved;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.ActionItem;
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
 * what impact was recorded, which concerns came and went, how costs moved, the review itself, where each KPI
 * stands at the end of the period, which review actions were overdue then (or are now) and which were closed in it.
 */
@RestController
@AnswersAtPosition
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Governance")
class GovernancePackController {

    private final PartnershipViews partnerships;
    private final ProgramViews programs;
    private final EventLog log;
    private final PartnerScope scope;
    private final TimeTravel timeTravel;
    private final ReadConsistency consistency;
    private final Clock clock;

    GovernancePackController(PartnershipViews partnerships, ProgramViews programs, EventLog log, PartnerScope scope,
                             TimeTravel timeTravel, ReadConsistency consistency, Clock clock) {
        this.clock = clock;
        this.partnerships = partnerships;
        this.programs = programs;
        this.log = log;
        this.scope = scope;
        this.timeTravel = timeTravel;
        this.consistency = consistency;
    }

    record KpiStatus(String kpiId, String name, String unit, BigDecimal baseline, BigDecimal target,
                     BigDecimal latestActual, BigDecimal percentOfTarget) {
    }

    record GovernancePack(String partnershipId, String name, String period, Instant from, Instant to,
                          List<LoggedEvent> pivots, List<LoggedEvent> approvals,
                          List<ProgramView.Impact> impactRecords, List<LoggedEvent> concernsRaised,
                          List<LoggedEvent> concernsResolved, List<LoggedEvent> costChanges,
                          PartnershipView.Review review, List<KpiStatus> kpiStatus, List<ActionItem> overdueActions,
                          List<ActionItem> actionsClosed) {
    }

    @GetMapping("/{id}/governance-pack")
    @Operation(operationId = "getGovernancePack", summary = "The governance pack of a quarter (2026-Q3) or month (2026-09)")
    @Rejects(ProblemCode.PARTNERSHIP_NOT_FOUND)
    ResponseEntity<GovernancePack> pack(@PathVariable String id, @RequestParam String period) {
        Period range = Period.parse(period);
        scope.assertMaySee(id);
        PartnershipView partnership = partnerships.find(id).orElseThrow(() -> NotFound.partnership(id));
        List<ProgramView> itsPrograms = programs.ofPartnership(id);
        Predicate<LoggedEvent> readable = entry -> true;
        UnaryOperator<LoggedEvent> shown = UnaryOperator.identity();
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isPresent()) {
            // a partner's pack is built from what the policy shows it, nothing else
            PartnerPolicy.Standing standing = partner.get().standingIn(partnership)
                    .orElseThrow(() -> NotFound.partnership(id));
            itsPrograms = partner.get().programs(itsPrograms, standing, timeTravel::program);
            partnership = partner.get().partnership(partnership, v -> timeTravel.partnershipAtVersion(id, v))
                    .orElseThrow(() -> NotFound.partnership(id));
            PartnerPolicy.Standing logged = partner.get().standingIn(log.partnershipEntries(id))
                    .orElseThrow(() -> NotFound.partnership(id));
            readable = entry -> partner.get().mayRead(entry, logged);
            shown = partner.get()::shown;
        }

        GovernancePack pack = new GovernancePack(id, partnership.name, range.name(), range.start(), range.end(),
                events(id, range, readable, shown, CurriculumPivoted.class),
                events(id, range, readable, shown, ProgramApproved.class, PartnerSelected.class),
                impactRecords(itsPrograms, range),
                events(id, range, readable, shown, ConcernRaised.class),
                events(id, range, readable, shown, ConcernResolved.class),
                events(id, range, readable, shown, CostSharingAgreed.class),
                partnership.businessReviews.stream().filter(r -> r.period().equals(range.name())).findFirst()
                        .orElse(null),
                kpiStatus(partnership.kpis, itsPrograms, range),
                overdueActions(partnership, range), actionsClosed(partnership, range));
        return consistency.ok(pack, EventLog.READ_MODEL);
    }

    /**
     * The actions overdue at the end of the period, or now for a period not over yet: taken by then, still open
     * then, and due before that day. Computed as the pack is read, from the clock; an ended partnership as of its
     * end, and none for a period after it.
     */
    private List<ActionItem> overdueActions(PartnershipView partnership, Period range) {
        Instant now = clock.instant();
        Instant ended = partnership.endedAt;
        if (ended != null && ended.isBefore(range.start())) {
            return List.of(); // the partnership had ended before this period: nothing was due in it
        }
        // nothing could be closed after the end, so an ended partnership is read as of its end
        Instant cut = Stream.of(now, range.end(), ended).filter(Objects::nonNull).min(Instant::compareTo).orElseThrow();
        LocalDate day = LocalDate.ofInstant(cut, ZoneOffset.UTC);
        partnership.asOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return partnership.businessReviews.stream().filter(review -> !review.heldAt().isAfter(cut))
                .flatMap(review -> review.actions().stream())
                .filter(action -> action.overdueAt(day, cut))
                .toList();
    }

    /** The actions done or dropped within the period. */
    private static List<ActionItem> actionsClosed(PartnershipView partnership, Period range) {
        return partnership.actions().stream()
                .filter(action -> action.closedAt != null && !action.closedAt.isBefore(range.start())
                        && action.closedAt.isBefore(range.end()))
                .toList();
    }

    private List<LoggedEvent> events(String id, Period range, Predicate<LoggedEvent> readable,
                                     UnaryOperator<LoggedEvent> shown, Class<?>... types) {
        return log.ofPartnership(id, List.of(types), range.start(), range.end()).stream().filter(readable)
                .map(shown).toList();
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
