package org.partnershipledger.query.board;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.events.partnership.Stage;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.board.TimeTravel;
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

    PartnershipQueryController(PartnershipViews partnerships, ProgramViews programs, TimeTravel timeTravel,
                               PartnerScope scope, ReadConsistency consistency, JdbcClient jdbc, Json json) {
        this.partnerships = partnerships;
        this.programs = programs;
        this.timeTravel = timeTravel;
        this.scope = scope;
        this.consistency = consistency;
        this.jdbc = jdbc;
        this.json = json;
    }

    record Summary(String partnershipId, String name, String client, Stage stage, List<Map<String, Object>> partners,
                   long programCount, Instant lastChange) {
    }

    @GetMapping
    @Operation(summary = "Partnerships, newest change first; filter by stage, search name and client with q")
    ResponseEntity<Paging<Summary>> list(@RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size,
                                         @RequestParam(required = false) Stage stage,
                                         @RequestParam(required = false) String q) {
        Paging.check(page, size);
        String where = """
                FROM query_side.partnership_view p
                WHERE (CAST(:stage AS text) IS NULL OR p.stage = :stage)
                  AND (CAST(:q AS text) IS NULL OR p.name ILIKE :like OR p.client ILIKE :like)
                  AND (CAST(:org AS text) IS NULL OR EXISTS (SELECT 1 FROM query_side.partner_access a
                       WHERE a.partnership_id = p.partnership_id AND a.organization_id = :org))""";
        Optional<String> org = scope.limitedTo();
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("stage", stage == null ? null : stage.name());
        params.put("q", q);
        params.put("like", like);
        params.put("org", org.orElse(null));
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
                    List<Map<String, Object>> partners = view.partners.stream()
                            .map(p -> Map.<String, Object>of("name", p.name, "organizationId", p.organizationId,
                                    "role", p.role, "status", p.status)).toList();
                    return new Summary(view.partnershipId, view.name, view.client, view.stage, partners,
                            rs.getLong("programs"), rs.getTimestamp("last_change").toInstant());
                })
                .list();
        return consistency.ok(new Paging<>(items, page, size, total), READ_MODEL);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A partnership: stage, vision, KPIs, partners and due diligence, governance, cost shares, "
            + "concerns, programs. ?asOf=<instant> answers from the event store as it was then.")
    ResponseEntity<ObjectNode> partnership(@PathVariable String id,
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
            consistency.await(minVersion, () -> partnerships.version(id));
            view = partnerships.find(id).orElseThrow(() -> NotFound.partnership(id));
            itsPrograms = programs.ofPartnership(id);
        }
        ObjectNode body = (ObjectNode) json.tree(view);
        ArrayNode programList = body.putArray("programs");
        for (ProgramView program : itsPrograms) {
            programList.addObject().put("programId", program.programId).put("title", program.title)
                    .put("status", program.status).put("curriculumVersion", program.curriculum.version());
        }
        return consistency.ok(body, READ_MODEL);
    }
}
