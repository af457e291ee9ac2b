package org.partnershipledger.command.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnershipledger.command.common.CommandAccepted;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.CommandSender;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.command.common.IfMatch;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.CurationApproach;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.MeasurementCadence;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PlannedMeasure;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A program's lifecycle beyond delivery: its measurement plan, keeping localisations in step with the core
 * curriculum, and the content business units curate for it. Each decision may cite evidence and the business
 * review that took it (decisionRef, the review's period).
 */
@RestController
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
@Rejects({ProblemCode.PARTNERSHIP_ENDED, ProblemCode.PROGRAM_RETIRED, ProblemCode.EVIDENCE_INVALID,
        ProblemCode.UNKNOWN_DECISION_REF})
class ProgramLifecycleController {

    private final CommandSender commands;
    private final IdGenerator ids;

    ProgramLifecycleController(CommandSender commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record CurationCreated(String curationId, long version) {
    }

    record LevelRequest(@NotNull Integer level, @NotBlank @Size(max = 300) String metric,
                        @NotBlank @Size(max = 500) String method, @NotNull ImpactSource source,
                        @NotNull MeasurementCadence cadence, @Size(max = 255) String kpiId) {
    }

    record MeasurementPlanRequest(@NotEmpty @Size(max = 5) List<@NotNull @Valid LevelRequest> levels,
                                  @Size(max = 2000) String reason, List<Evidence> evidence,
                                  @Size(max = 20) String decisionRef) {
    }

    @PutMapping("/{id}/measurement-plan")
    @Operation(operationId = "setMeasurementPlan", summary = "Set the program's measurement plan, per Kirkpatrick "
            + "level: metric, method, source, cadence, optionally the KPI it feeds (replacing one needs a reason)")
    @Rejects({ProblemCode.DUPLICATE_LEVEL, ProblemCode.REASON_REQUIRED, ProblemCode.UNKNOWN_KPI,
            ProblemCode.PROGRAM_NOT_APPROVED})
    ResponseEntity<CommandAccepted> setMeasurementPlan(@PathVariable String id,
                                                       @Valid @RequestBody MeasurementPlanRequest request,
                                                       @IfMatch Long expectedVersion) {
        List<PlannedMeasure> levels = request.levels().stream().map(l -> new PlannedMeasure(l.level(), l.metric(),
                l.method(), l.source(), l.cadence(), l.kpiId())).toList();
        return commands.send(new SetMeasurementPlan(new ProgramId(id), levels, request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    record ConfirmationRequest(@Size(max = 2000) String reason, List<Evidence> evidence,
                               @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/localizations/{localizationId}/confirmation")
    @Operation(operationId = "confirmLocalization",
            summary = "Re-confirm a localisation, as it is, against the current core curriculum after a pivot")
    @Rejects({ProblemCode.LOCALIZATION_NOT_FOUND, ProblemCode.LOCALIZATION_UP_TO_DATE})
    ResponseEntity<CommandAccepted> confirmLocalization(@PathVariable String id, @PathVariable String localizationId,
                                                        @Valid @RequestBody ConfirmationRequest request,
                                                        @IfMatch Long expectedVersion) {
        return commands.send(new ConfirmLocalization(new ProgramId(id), localizationId, request.reason(),
                request.evidence(), request.decisionRef(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record LocalizationUpdateRequest(@Size(max = 100) String timeZone,
                                     @Size(max = 100) List<@NotBlank @Size(max = 500) String> adaptations,
                                     @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> changes,
                                     @Size(max = 2000) String reason, List<Evidence> evidence,
                                     @Size(max = 20) String decisionRef) {
    }

    @PutMapping("/{id}/localizations/{localizationId}")
    @Operation(operationId = "updateLocalization", summary = "Rework a localisation for the current core curriculum: "
            + "adaptations (the whole new list; left out, they stay), time zone, what changed (reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.LOCALIZATION_NOT_FOUND})
    ResponseEntity<CommandAccepted> updateLocalization(@PathVariable String id, @PathVariable String localizationId,
                                                       @Valid @RequestBody LocalizationUpdateRequest request,
                                                       @IfMatch Long expectedVersion) {
        return commands.send(new UpdateLocalization(new ProgramId(id), localizationId, request.timeZone(),
                request.adaptations(), request.changes(), request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    record CurationRequest(@NotNull CurationApproach approach, @NotBlank @Size(max = 300) String title,
                           @Size(max = 2000) String uri, @Size(max = 200) String provider,
                           @NotBlank @Size(max = 200) String businessUnit, @NotBlank @Size(max = 200) String curator,
                           @NotBlank @Size(max = 1000) String gap, @Size(max = 255) String moduleId,
                           @NotBlank @Size(max = 2000) String rationale, @Size(max = 2000) String reason,
                           List<Evidence> evidence, @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/curations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "curateContent", summary = "Record content a business unit customised or sourced (MOOC, "
            + "library, partner, internal) for a gap of the program: what, by whom, for which gap, why it fits")
    @Rejects({ProblemCode.UNKNOWN_MODULE, ProblemCode.PROGRAM_NOT_APPROVED})
    ResponseEntity<CurationCreated> curate(@PathVariable String id, @Valid @RequestBody CurationRequest request,
                                           @IfMatch Long expectedVersion) {
        String curationId = ids.next();
        ModuleId moduleId = request.moduleId() == null || request.moduleId().isBlank() ? null
                : new ModuleId(request.moduleId());
        return commands.send(new CurateContent(new ProgramId(id), curationId, request.approach(), request.title(),
                request.uri(), request.provider(), request.businessUnit(), request.curator(), request.gap(), moduleId,
                request.rationale(), request.reason(), request.evidence(), request.decisionRef(), expectedVersion),
                CommandResponses.created("curationId", curationId), CurationCreated.class);
    }

    record RetirementRequest(@Size(max = 2000) String reason, List<Evidence> evidence,
                             @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/curations/{curationId}/retirement")
    @Operation(operationId = "retireCuration", summary = "Retire a curation that no longer serves the program "
            + "(reason required); it stays in the history")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.CURATION_NOT_FOUND, ProblemCode.CURATION_ALREADY_RETIRED})
    ResponseEntity<CommandAccepted> retireCuration(@PathVariable String id, @PathVariable String curationId,
                                                   @Valid @RequestBody RetirementRequest request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new RetireCuration(new ProgramId(id), curationId, request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }
}
