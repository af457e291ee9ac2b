package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.Stage;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.Paging;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.program.ProgramViews;
import org.partnershipledger.query.readmodel.Json;
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
@Tag(name = "Partnerships")
class PartnershipQueryController {

    static final String READ_MODEL = PartnershipViews.BOARD_VIEWS;

    private final PartnershipViews partnerships;
    private final ProgramViews programs;
    private final TimeTravel timeTravel;
    private final PartnerScope scope;
    private final ReadConsistency consistency;
    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    PartnershipQueryController(PartnershipViews partnerships, ProgramViews programs, TimeTravel timeTravel,
                               PartnerScope scope, ReadConsistency consistency, JdbcClient jdbc, Json json,
                               Clock clock) {
        this.clock = clock;
        this.partnerships = partnerships;
        this.programs = programs;
        this.timeTravel = timeTravel;
        this.scope = scope;
        this.consistency = consistency;
        this.jdbc = jdbc;
        this.json = json;
    }

    record PartnerLine(String name, String organizationId, PartnerRole role, String status) {
    }

    @Schema(name = "PartnershipSummary")
    record Summary(String partnershipId, String name, String client, Stage stage, List<PartnerLine> partners,
                   long programCount, Instant lastChange) {
    }

    record ProgramLine(String programId, String title, String status, int curriculumVersion) {
    }

    /** A partnership as the board reads it: its view, with a line for each of its programs. */
    static class PartnershipDetail extends PartnershipView {
        public List<ProgramLine> programs;
    }

    @GetMapping
    @Operation(operationId = "listPartnerships", summary = "Partnerships, newest change first; filter by stage, search name and client with q")
    ResponseEntity<Paging<Summary>> list(@RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size,
                                         @RequestParam(required = false) Stage stage,
                                         @RequestParam(required = false) String q) {
        Paging.check(page, size);
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isPresent()) {
            return consistency.ok(listFor(partner.get(), page, size, stage, q), READ_MODEL);
        }
        String where = """
                FROM query_side.partnership_view p
                WHERE (CAST(:stage AS text) IS NULL OR p.stage = :stage)
                  AND (CAST(:q AS text) IS NULL OR p.name ILIKE :like OR p.client ILIKE :like)""";
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("stage", stage == null ? null : stage.name());
        params.put("q", q);
        params.put("like", like);
        long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> items = jdbc.sql("""
                        SELECT p.doc::text AS doc,
                               (SELECT count(*) FROM query_side.program_view g WHERE g.partnership_id = p.partnership_id) AS programs,
                               GREATEST(p.last_change, (SELECT max(g.last_change) FROM query_side.program_view g
                                                        WHERE g.partnership_id = p.partnership_id)) AS last_change
                        """ + where + " ORDER BY 3 DESC, p.partnership_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> {
                    PartnershipView view = json.read(rs.getString("doc"), PartnershipView.class);
                    List<PartnerLine> partners = view.partners.stream()
                            .map(p -> new PartnerLine(p.name, p.organizationId, p.role, p.status)).toList();
                    return new Summary(view.partnershipId, view.name, view.client, view.stage, partners,
                            rs.getLong("programs"), rs.getTimestamp("last_change").toInstant());
                })
                .list();
        return consistency.ok(new Paging<>(items, page, size, total), READ_MODEL);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPartnership", summary = "A partnership: stage, vision, KPIs, partners and due diligence, governance and review actions "
            + "(overdue as of today), partner reviews, the agreement (status as of today) and scope, cost shares with "
            + "acceptances, spend and variance, concerns, programs. ?asOf=<instant> answers from the event store as it was then.")
    @Rejects({ProblemCode.PARTNERSHIP_NOT_FOUND, ProblemCode.NOT_YET_CONSISTENT})
    ResponseEntity<PartnershipDetail> partnership(@PathVariable String id,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                           @RequestParam(required = false) Long minVersion) {
        scope.assertMaySee(id);
        PartnershipView view;
        List<ProgramView> itsPrograms;
        if (asOf != null) {
            view = timeTravel.partnership(id, asOf).orElseThrow(() -> NotFound.partnership(id));
            itsPrograms = new ArrayList<>();
            for (ProgramView current : programs.ofPartnership(id)) {
                timeTravel.program(current.programId, asOf).ifPresent(itsPrograms::add);
            }
        } else {
            consistency.await(id, minVersion, () -> partnerships.version(id));
            view = partnerships.find(id).orElseThrow(() -> NotFound.partnership(id));
            // a partner's programs go through its policy, which reads them whole; otherwise each is one line
            itsPrograms = scope.policy().isPresent() ? programs.ofPartnership(id) : programs.outlinesOfPartnership(id);
        }
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isPresent()) {
            PartnerPolicy.Standing standing = partner.get().standingIn(view)
                    .orElseThrow(() -> NotFound.partnership(id));
            view = partner.get().partnership(view, version -> timeTravel.partnershipAtVersion(id, version))
                    .orElseThrow(() -> NotFound.partnership(id));
            itsPrograms = partner.get().programs(itsPrograms, standing, timeTravel::program);
        }
        view.asOf(LocalDate.ofInstant(asOf != null ? asOf : clock.instant(), ZoneOffset.UTC));
        PartnershipDetail body = json.mapper().convertValue(view, PartnershipDetail.class);
        body.programs = itsPrograms.stream().map(program -> new ProgramLine(program.programId, program.title,
                program.status, program.curriculum.version())).toList();
        return consistency.ok(body, READ_MODEL);
    }

    /**
     * A partner's list: each of its partnerships as the policy shows it, then filtered, newest change first. Done
     * in memory, after the policy, so that a filter never finds what the partner may not see (a partner belongs
     * to few partnerships).
     */
    private Paging<Summary> listFor(PartnerPolicy partner, int page, int size, Stage stage, String q) {
        String text = q == null ? null : q.toLowerCase(Locale.ROOT);
        List<Summary> all = new ArrayList<>();
        for (String id : scope.partnershipsOf(partner.organizationId())) {
            Optional<PartnershipView> stored = partnerships.find(id);
            Optional<PartnerPolicy.Standing> standing = stored.flatMap(partner::standingIn);
            Optional<PartnershipView> shown = stored.flatMap(view -> partner.partnership(view,
                    version -> timeTravel.partnershipAtVersion(id, version)));
            if (shown.isEmpty() || standing.isEmpty()) {
                continue;
            }
            PartnershipView view = shown.get();
            if (stage != null && view.stage != stage || text != null
                    && !view.name.toLowerCase(Locale.ROOT).contains(text)
                    && !view.client.toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            List<ProgramView> itsPrograms = partner.programs(programs.ofPartnership(id), standing.get(),
                    timeTravel::program);
            Instant lastChange = itsPrograms.stream().map(p -> p.lastChange).filter(view.lastChange::isBefore)
                    .max(Comparator.naturalOrder()).orElse(view.lastChange);
            all.add(new Summary(view.partnershipId, view.name, view.client, view.stage, view.partners.stream()
                    .map(p -> new PartnerLine(p.name, p.organizationId, p.role, p.status)).toList(),
                    itsPrograms.size(), lastChange));
        }
        all.sort(Comparator.comparing(Summary::lastChange).reversed().thenComparing(Summary::partnershipId));
        List<Summary> items = all.stream().skip((long) page * size).limit(size).toList();
        return new Paging<>(items, page, size, all.size());
    }
}
