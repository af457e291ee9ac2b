package org.partnershipledger.command.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.partnershipledger.command.common.CommandAccepted;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.CommandSender;
import org.partnershipledger.command.common.IfMatch;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.command.common.DecisionBody;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Program commands. Each maps its request to one command and answers with the program's new version. */
@RestController
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs", description = "Propose, approve, localise, deliver and pivot learning programs, and record "
        + "their impact")
@Rejects(ProblemCode.PARTNERSHIP_ENDED)
class ProgramController {

    private final CommandSender commands;
    private final IdGenerator ids;

    ProgramController(CommandSender commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    /** The 201 answers: the new thing's id, and the program's version (also in ETag). */
    record ProgramCreated(String programId, long version) {
    }

    record ModuleCreated(String moduleId, long version) {
    }

    record LocalizationCreated(String localizationId, long version) {
    }

    record CohortCreated(String cohortId, long version) {
    }

    record ImpactCreated(String impactId, long version) {
    }

    record ModuleRequest(@NotBlank @Size(max = 300) String title) {
    }

    record ProposeRequest(@NotBlank String partnershipId, @NotBlank @Size(max = 300) String title,
                          List<@NotBlank String> objectives, @Size(max = 500) String audience,
                          List<@NotBlank String> kpiTargets, List<@NotNull @Valid ModuleRequest> modules,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "proposeProgram", summary = "Propose a program in a partnership (curriculum v1)")
    @Rejects({ProblemCode.PARTNERSHIP_NOT_FOUND, ProblemCode.UNKNOWN_KPI, ProblemCode.REASON_REQUIRED})
    ResponseEntity<ProgramCreated> propose(@Valid @RequestBody ProposeRequest request) {
        ProgramId id = new ProgramId(ids.next());
        return commands.send(new ProposeProgram(id, new PartnershipId(request.partnershipId()), request.title(),
                request.objectives(), request.audience(), request.kpiTargets(), newModules(request.modules()),
                request.reason()), CommandResponses.created("programId", id.value()), ProgramCreated.class);
    }

    record CoCreateRequest(@NotBlank @Size(max = 300) String title, List<@NotBlank String> clientSmes,
                           List<@NotBlank String> partnerDesigners, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/modules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "coCreateModule",
            summary = "Add a module co-created by client SMEs and partner designers (both named)")
    @Rejects({ProblemCode.CO_CREATION_NEEDS_BOTH_SIDES, ProblemCode.CURRICULUM_LOCKED, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<ModuleCreated> coCreate(@PathVariable String id, @Valid @RequestBody CoCreateRequest request,
                                           @IfMatch Long expectedVersion) {
        ModuleId moduleId = new ModuleId(ids.next());
        return commands.send(new CoCreateModule(new ProgramId(id), moduleId, request.title(), request.clientSmes(),
                request.partnerDesigners(), request.reason(), expectedVersion),
                CommandResponses.created("moduleId", moduleId.value()), ModuleCreated.class);
    }

    record ApprovalRequest(@NotBlank @Size(max = 200) String approvedBy, @Size(max = 2000) String reason,
                           List<Evidence> evidence, @Size(max = 100) String decisionRef) {
    }

    @PostMapping("/{id}/approval")
    @Operation(operationId = "approveProgram",
            summary = "Approve a proposed program (approvedBy: a steering member of the partnership's charter)")
    @Rejects({ProblemCode.PROGRAM_NOT_PROPOSED, ProblemCode.APPROVER_NOT_STEERING_MEMBER, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CommandAccepted> approve(@PathVariable String id, @Valid @RequestBody ApprovalRequest request,
                                            @IfMatch Long expectedVersion) {
        return commands.send(new ApproveProgram(new ProgramId(id), request.approvedBy(), request.reason(),
                request.evidence(), request.decisionRef(), expectedVersion), CommandResponses.changed(),
                CommandAccepted.class);
    }

    @PostMapping("/{id}/rejection")
    @Operation(operationId = "rejectProgram", summary = "Reject a proposed program (reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.PROGRAM_NOT_PROPOSED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CommandAccepted> reject(@PathVariable String id, @Valid @RequestBody DecisionBody request,
                                           @IfMatch Long expectedVersion) {
        return commands.send(new RejectProgram(new ProgramId(id), request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    record LocalizationRequest(@NotBlank @Size(max = 100) String region, @NotBlank @Size(max = 35) String language,
                               @NotBlank String timeZone, List<@NotBlank String> adaptations,
                               @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/localizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "localizeProgram",
            summary = "Localise an approved program for a region; the core curriculum stays as it is")
    @Rejects({ProblemCode.PROGRAM_NOT_APPROVED, ProblemCode.ALREADY_LOCALIZED, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<LocalizationCreated> localize(@PathVariable String id,
                                                 @Valid @RequestBody LocalizationRequest request,
                                                 @IfMatch Long expectedVersion) {
        String localizationId = ids.next();
        return commands.send(new LocalizeProgram(new ProgramId(id), localizationId, request.region(),
                request.language(), request.timeZone(), request.adaptations(), request.reason(), expectedVersion),
                CommandResponses.created("localizationId", localizationId), LocalizationCreated.class);
    }

    record CohortRequest(@NotBlank String region, @NotNull LocalDate startsOn, @NotNull Integer participants,
                         @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/cohorts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "scheduleCohort", summary = "Schedule a cohort of an approved program")
    @Rejects({ProblemCode.PROGRAM_NOT_APPROVED, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CohortCreated> scheduleCohort(@PathVariable String id, @Valid @RequestBody CohortRequest request,
                                                 @IfMatch Long expectedVersion) {
        String cohortId = ids.next();
        return commands.send(new ScheduleCohort(new ProgramId(id), cohortId, request.region(), request.startsOn(),
                request.participants(), request.reason(), expectedVersion),
                CommandResponses.created("cohortId", cohortId), CohortCreated.class);
    }

    record DeliveryRequest(@NotNull LocalDate deliveredOn, @NotNull Integer participantsCompleted,
                           @NotBlank String facilitator, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/cohorts/{cohortId}/delivery")
    @Operation(operationId = "recordCohortDelivery", summary = "Record a cohort's delivery")
    @Rejects({ProblemCode.COHORT_NOT_FOUND, ProblemCode.COHORT_ALREADY_DELIVERED,
            ProblemCode.COMPLETIONS_EXCEED_PARTICIPANTS, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CommandAccepted> recordDelivery(@PathVariable String id, @PathVariable String cohortId,
                                                   @Valid @RequestBody DeliveryRequest request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new RecordCohortDelivery(new ProgramId(id), cohortId, request.deliveredOn(),
                request.participantsCompleted(), request.facilitator(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record PivotRequest(@Size(max = 2000) String reason, @NotNull PivotTrigger trigger,
                        List<@NotBlank @Size(max = 300) String> addModules, List<@NotBlank String> removeModules,
                        @NotBlank @Size(max = 200) String approvedBy, LocalDate effectiveFrom,
                        List<Evidence> evidence, @Size(max = 100) String decisionRef) {
    }

    @PostMapping("/{id}/pivots")
    @Operation(operationId = "pivotCurriculum",
            summary = "Pivot the curriculum of an approved program: version n becomes n+1 (reason required; "
                    + "approvedBy: a steering member of the partnership's charter)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.PROGRAM_NOT_APPROVED, ProblemCode.UNKNOWN_MODULE,
            ProblemCode.PIVOT_CHANGES_NOTHING, ProblemCode.CURRICULUM_WOULD_BE_EMPTY,
            ProblemCode.APPROVER_NOT_STEERING_MEMBER, ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF,
            ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CommandAccepted> pivot(@PathVariable String id, @Valid @RequestBody PivotRequest request,
                                          @IfMatch Long expectedVersion) {
        List<CurriculumModule> added = request.addModules() == null ? List.of() : request.addModules().stream()
                .map(title -> new CurriculumModule(new ModuleId(ids.next()), title.trim())).toList();
        List<ModuleId> removed = request.removeModules() == null ? List.of()
                : request.removeModules().stream().map(ModuleId::new).toList();
        return commands.send(new PivotCurriculum(new ProgramId(id), request.reason(), request.trigger(), added, removed,
                request.approvedBy(), request.effectiveFrom(), request.evidence(), request.decisionRef(),
                expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record ImpactRequest(@NotNull Integer level, @NotBlank @Size(max = 255) String kpiId, @NotNull BigDecimal value,
                         @NotBlank @Size(max = 100) String unit, @Size(max = 255) String cohortId,
                         @Size(max = 100) String region, @NotNull LocalDate periodStart,
                         @NotNull LocalDate periodEnd, @NotNull ImpactSource source,
                         List<@NotBlank String> evidence, BigDecimal cost, BigDecimal monetaryBenefit,
                         @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/impact")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordImpact", summary = "Record impact on a KPI at a Kirkpatrick level 1-5")
    @Rejects({ProblemCode.ROI_NEEDS_COST_AND_BENEFIT, ProblemCode.COHORT_NOT_FOUND, ProblemCode.PROGRAM_NOT_APPROVED,
            ProblemCode.UNKNOWN_KPI, ProblemCode.PERIOD_IN_FUTURE, ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<ImpactCreated> recordImpact(@PathVariable String id, @Valid @RequestBody ImpactRequest request,
                                               @IfMatch Long expectedVersion) {
        String impactId = ids.next();
        return commands.send(new RecordImpact(new ProgramId(id), impactId, request.level(), request.kpiId(),
                request.value(), request.unit(), request.cohortId(), request.region(), request.periodStart(),
                request.periodEnd(), request.source(), request.evidence(), request.cost(), request.monetaryBenefit(),
                request.reason(), expectedVersion), CommandResponses.created("impactId", impactId),
                ImpactCreated.class);
    }

    @PostMapping("/{id}/impact/{impactId}/withdrawal")
    @Operation(operationId = "withdrawImpact",
            summary = "Withdraw an impact record (reason required); it stays in the history")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.IMPACT_NOT_FOUND, ProblemCode.IMPACT_ALREADY_WITHDRAWN,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF})
    ResponseEntity<CommandAccepted> withdrawImpact(@PathVariable String id, @PathVariable String impactId,
                                                   @Valid @RequestBody DecisionBody request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new WithdrawImpact(new ProgramId(id), impactId, request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    @PostMapping("/{id}/retirement")
    @Operation(operationId = "retireProgram", summary = "Retire the program (reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF,
            ProblemCode.PROGRAM_RETIRED})
    ResponseEntity<CommandAccepted> retire(@PathVariable String id, @Valid @RequestBody DecisionBody request,
                                           @IfMatch Long expectedVersion) {
        return commands.send(new RetireProgram(new ProgramId(id), request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    private List<CurriculumModule> newModules(List<ModuleRequest> modules) {
        return modules == null ? List.of() : modules.stream()
                .map(module -> new CurriculumModule(new ModuleId(ids.next()), module.title().trim())).toList();
    }
}
