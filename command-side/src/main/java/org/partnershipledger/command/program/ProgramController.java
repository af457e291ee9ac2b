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
import java.util.Map;
import org.partnershipledger.command.common.CommandResponses;
import org.partnershipledger.command.common.CommandSender;
import org.partnershipledger.command.common.IfMatch;
import org.partnershipledger.command.common.IdGenerator;
import org.partnershipledger.command.common.ReasonBody;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Program commands. Each maps its request to one command and answers with the program's new version. */
@RestController
@RequestMapping(path = "/api/programs", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programs")
class ProgramController {

    private final CommandSender commands;
    private final IdGenerator ids;

    ProgramController(CommandSender commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record ModuleRequest(@NotBlank @Size(max = 300) String title) {
    }

    record ProposeRequest(@NotBlank String partnershipId, @NotBlank @Size(max = 300) String title,
                          List<@NotBlank String> objectives, @Size(max = 500) String audience,
                          List<@NotBlank String> kpiTargets, List<@Valid ModuleRequest> modules,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @Operation(summary = "Propose a program in a partnership (curriculum v1)")
    ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposeRequest request) {
        ProgramId id = new ProgramId(ids.next());
        return commands.send(new ProposeProgram(id, new PartnershipId(request.partnershipId()), request.title(),
                request.objectives(), request.audience(), request.kpiTargets(), newModules(request.modules()),
                request.reason()), CommandResponses.created("programId", id.value()));
    }

    record CoCreateRequest(@NotBlank @Size(max = 300) String title, List<@NotBlank String> clientSmes,
                           List<@NotBlank String> partnerDesigners) {
    }

    @PostMapping("/{id}/modules")
    @Operation(summary = "Add a module co-created by client SMEs and partner designers (both named)")
    ResponseEntity<Map<String, Object>> coCreate(@PathVariable String id, @Valid @RequestBody CoCreateRequest request,
                                                 @IfMatch Long expectedVersion) {
        ModuleId moduleId = new ModuleId(ids.next());
        return commands.send(new CoCreateModule(new ProgramId(id), moduleId, request.title(), request.clientSmes(),
                request.partnerDesigners(), expectedVersion),
                CommandResponses.created("moduleId", moduleId.value()));
    }

    record ApprovalRequest(@NotBlank @Size(max = 200) String approvedBy) {
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve a proposed program")
    ResponseEntity<Map<String, Object>> approve(@PathVariable String id, @Valid @RequestBody ApprovalRequest request,
                                                @IfMatch Long expectedVersion) {
        return commands.send(new ApproveProgram(new ProgramId(id), request.approvedBy(),
                expectedVersion), CommandResponses.changed());
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Reject a proposed program (reason required)")
    ResponseEntity<Map<String, Object>> reject(@PathVariable String id, @Valid @RequestBody ReasonBody request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new RejectProgram(new ProgramId(id), request.reason(),
                expectedVersion), CommandResponses.changed());
    }

    record LocalizationRequest(@NotBlank @Size(max = 100) String region, @NotBlank @Size(max = 35) String language,
                               @NotBlank String timeZone, List<@NotBlank String> adaptations) {
    }

    @PostMapping("/{id}/localizations")
    @Operation(summary = "Localise an approved program for a region; the core curriculum stays as it is")
    ResponseEntity<Map<String, Object>> localize(@PathVariable String id,
                                                 @Valid @RequestBody LocalizationRequest request,
                                                 @IfMatch Long expectedVersion) {
        String localizationId = ids.next();
        return commands.send(new LocalizeProgram(new ProgramId(id), localizationId, request.region(),
                request.language(), request.timeZone(), request.adaptations(), expectedVersion),
                CommandResponses.created("localizationId", localizationId));
    }

    record CohortRequest(@NotBlank String region, @NotNull LocalDate startsOn, @NotNull Integer participants) {
    }

    @PostMapping("/{id}/cohorts")
    @Operation(summary = "Schedule a cohort of an approved program")
    ResponseEntity<Map<String, Object>> scheduleCohort(@PathVariable String id, @Valid @RequestBody CohortRequest request,
                                                       @IfMatch Long expectedVersion) {
        String cohortId = ids.next();
        return commands.send(new ScheduleCohort(new ProgramId(id), cohortId, request.region(), request.startsOn(),
                request.participants(), expectedVersion),
                CommandResponses.created("cohortId", cohortId));
    }

    record DeliveryRequest(@NotNull LocalDate deliveredOn, @NotNull Integer participantsCompleted,
                           @NotBlank String facilitator) {
    }

    @PostMapping("/{id}/cohorts/{cohortId}/delivery")
    @Operation(summary = "Record a cohort's delivery")
    ResponseEntity<Map<String, Object>> recordDelivery(@PathVariable String id, @PathVariable String cohortId,
                                                       @Valid @RequestBody DeliveryRequest request,
                                                       @IfMatch Long expectedVersion) {
        return commands.send(new RecordCohortDelivery(new ProgramId(id), cohortId, request.deliveredOn(),
                request.participantsCompleted(), request.facilitator(), expectedVersion),
                CommandResponses.changed());
    }

    record PivotRequest(@Size(max = 2000) String reason, @NotNull PivotTrigger trigger,
                        List<@NotBlank @Size(max = 300) String> addModules, List<@NotBlank String> removeModules,
                        @NotBlank @Size(max = 200) String approvedBy, LocalDate effectiveFrom) {
    }

    @PostMapping("/{id}/pivots")
    @Operation(summary = "Pivot the curriculum of an approved program: version n becomes n+1 (reason required)")
    ResponseEntity<Map<String, Object>> pivot(@PathVariable String id, @Valid @RequestBody PivotRequest request,
                                              @IfMatch Long expectedVersion) {
        List<CurriculumModule> added = request.addModules() == null ? List.of() : request.addModules().stream()
                .map(title -> new CurriculumModule(new ModuleId(ids.next()), title.trim())).toList();
        List<ModuleId> removed = request.removeModules() == null ? List.of()
                : request.removeModules().stream().map(ModuleId::new).toList();
        return commands.send(new PivotCurriculum(new ProgramId(id), request.reason(), request.trigger(), added, removed,
                request.approvedBy(), request.effectiveFrom(), expectedVersion),
                CommandResponses.changed());
    }

    record ImpactRequest(@NotNull Integer level, @NotBlank @Size(max = 255) String kpiId, @NotNull BigDecimal value,
                         @NotBlank @Size(max = 100) String unit, @Size(max = 255) String cohortId,
                         @Size(max = 100) String region, @NotNull LocalDate periodStart,
                         @NotNull LocalDate periodEnd, @NotNull ImpactSource source,
                         List<@NotBlank String> evidence, BigDecimal cost, BigDecimal monetaryBenefit) {
    }

    @PostMapping("/{id}/impact")
    @Operation(summary = "Record impact on a KPI at a Kirkpatrick level 1-5")
    ResponseEntity<Map<String, Object>> recordImpact(@PathVariable String id, @Valid @RequestBody ImpactRequest request,
                                                     @IfMatch Long expectedVersion) {
        String impactId = ids.next();
        return commands.send(new RecordImpact(new ProgramId(id), impactId, request.level(), request.kpiId(),
                request.value(), request.unit(), request.cohortId(), request.region(), request.periodStart(),
                request.periodEnd(), request.source(), request.evidence(), request.cost(), request.monetaryBenefit(),
                expectedVersion), CommandResponses.created("impactId", impactId));
    }

    @PostMapping("/{id}/impact/{impactId}/withdrawal")
    @Operation(summary = "Withdraw an impact record (reason required); it stays in the history")
    ResponseEntity<Map<String, Object>> withdrawImpact(@PathVariable String id, @PathVariable String impactId,
                                                       @Valid @RequestBody ReasonBody request,
                                                       @IfMatch Long expectedVersion) {
        return commands.send(new WithdrawImpact(new ProgramId(id), impactId, request.reason(),
                expectedVersion), CommandResponses.changed());
    }

    @PostMapping("/{id}/retirement")
    @Operation(summary = "Retire the program (reason required)")
    ResponseEntity<Map<String, Object>> retire(@PathVariable String id, @Valid @RequestBody ReasonBody request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new RetireProgram(new ProgramId(id), request.reason(),
                expectedVersion), CommandResponses.changed());
    }

    private List<CurriculumModule> newModules(List<ModuleRequest> modules) {
        return modules == null ? List.of() : modules.stream()
                .map(module -> new CurriculumModule(new ModuleId(ids.next()), module.title().trim())).toList();
    }
}
