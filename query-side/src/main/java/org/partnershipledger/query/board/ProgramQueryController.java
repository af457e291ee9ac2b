package org.partnershipledger.query.board;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ImpactSummary;
import org.partnershipledger.query.program.LocalizationDrift;
import org.partnershipledger.query.program.MeasurementSummary;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.program.ProgramViews;
import org.partnershipledger.query.readmodel.Json;
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
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
class ProgramQueryController {

    static final String READ_MODEL = PartnershipViews.BOARD_VIEWS;

    private final ProgramViews programs;
    private final PartnershipViews partnerships;
    private final TimeTravel timeTravel;
    private final PartnerScope scope;
    private final ReadConsistency consistency;
    private final Json json;

    ProgramQueryController(ProgramViews programs, PartnershipViews partnerships, TimeTravel timeTravel,
                           PartnerScope scope, ReadConsistency consistency, Json json) {
        this.programs = programs;
        this.partnerships = partnerships;
        this.timeTravel = timeTravel;
        this.scope = scope;
        this.consistency = consistency;
        this.json = json;
    }

    /**
     * A program as the board reads it: its view without the long lists, with its impact per KPI, planned against
     * measured per Kirkpatrick level, and each localisation's drift from the core.
     */
    @JsonIgnoreProperties({"curriculumHistory", "impacts"})
    static class ProgramDetail extends ProgramView {
        public List<ImpactSummary.KpiImpact> impactSummary;
        public List<MeasurementSummary.MeasuredLevel> measurement;
    }

    static final int MAX_RECORDS_PER_LEVEL = 1_000;

    record CurriculumHistory(String programId, int currentVersion, List<ProgramView.CurriculumVersion> versions) {
    }

    record ProgramImpact(String programId, List<ImpactSummary.KpiImpact> kpis) {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProgram", summary = "A program: status, current curriculum, localisations and their drift from the core, cohorts, KPI targets, impact summary, measurement plan against measured, curations. "
            + "?asOf=<instant> or ?version=N answer from the event store as it was then.")
    @Rejects({ProblemCode.PROGRAM_NOT_FOUND, ProblemCode.NOT_YET_CONSISTENT, ProblemCode.VALIDATION_FAILED})
    ResponseEntity<ProgramDetail> program(@PathVariable String id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                       @RequestParam(required = false) Long version,
                                       @RequestParam(required = false) Long minVersion,
                                       @Parameter(description = "Per KPI and level, list only the latest N records "
                                               + "that count (and every withdrawn one); the figures cover them all")
                                       @RequestParam(required = false) Integer recordsPerLevel) {
        if (recordsPerLevel != null && (recordsPerLevel < 0 || recordsPerLevel > MAX_RECORDS_PER_LEVEL)) {
            throw new IllegalArgumentException("recordsPerLevel must be between 0 and " + MAX_RECORDS_PER_LEVEL);
        }
        ProgramView view = resolve(id, asOf, version, minVersion);
        view.localizations = LocalizationDrift.of(view);
        ProgramDetail body = json.mapper().convertValue(view, ProgramDetail.class);
        body.impactSummary = ImpactSummary.of(view, kpisOf(view, asOf));
        if (recordsPerLevel != null) {
            body.impactSummary = ImpactSummary.latestRecords(body.impactSummary, recordsPerLevel);
        }
        body.measurement = MeasurementSummary.of(view);
        return consistency.ok(body, READ_MODEL);
    }

    @GetMapping("/{id}/curriculum")
    @Operation(operationId = "getCurriculum", summary = "Every curriculum version: modules, how it came about, reason, trigger, approver, time, diff")
    @Rejects({ProblemCode.PROGRAM_NOT_FOUND, ProblemCode.NOT_YET_CONSISTENT})
    ResponseEntity<CurriculumHistory> curriculum(@PathVariable String id,
                                                   @RequestParam(required = false) Long minVersion) {
        ProgramView view;
        if (scope.policy().isEmpty()) {
            // its versions need not load every impact record of the program (a partner's go through its policy)
            consistency.await(id, minVersion, () -> programs.version(id));
            view = programs.withoutImpacts(id).filter(v -> scope.maySee(v.partnershipId))
                    .orElseThrow(() -> NotFound.program(id));
        } else {
            view = resolve(id, null, null, minVersion);
        }
        return consistency.ok(new CurriculumHistory(view.programId, view.curriculum.version(), view.curriculumHistory),
                READ_MODEL);
    }

    @GetMapping("/{id}/impact")
    @Operation(operationId = "getProgramImpact", summary = "Impact per KPI and Kirkpatrick level, with percent of target at level 4")
    @Rejects({ProblemCode.PROGRAM_NOT_FOUND, ProblemCode.NOT_YET_CONSISTENT})
    ResponseEntity<ProgramImpact> impact(@PathVariable String id,
                                               @RequestParam(required = false) Long minVersion) {
        ProgramView view = resolve(id, null, null, minVersion);
        return consistency.ok(new ProgramImpact(view.programId, ImpactSummary.of(view, kpisOf(view, null))),
                READ_MODEL);
    }

    private ProgramView resolve(String id, Instant asOf, Long version, Long minVersion) {
        ProgramView view;
        if (asOf != null || version != null) {
            view = (asOf != null ? timeTravel.program(id, asOf) : timeTravel.programAtVersion(id, version))
                    .orElseThrow(() -> NotFound.program(id));
        } else {
            consistency.await(id, minVersion, () -> programs.version(id));
            view = programs.find(id).orElseThrow(() -> NotFound.program(id));
        }
        if (!scope.maySee(view.partnershipId)) {
            throw NotFound.program(id);
        }
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isEmpty()) {
            return view;
        }
        // the partner's standing from the stored partnership view, which the same processor keeps with the programs
        ProgramView asSeen = view;
        return partnerships.find(view.partnershipId).flatMap(partner.get()::standingIn)
                .flatMap(standing -> partner.get().program(asSeen, standing, instant -> timeTravel.program(id, instant)))
                .orElseThrow(() -> NotFound.program(id));
    }

    private List<Kpi> kpisOf(ProgramView program, Instant asOf) {
        var partnership = asOf != null ? timeTravel.partnership(program.partnershipId, asOf)
                : partnerships.find(program.partnershipId);
        return partnership.map(p -> p.kpis).orElse(List.of());
    }
}
