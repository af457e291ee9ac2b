package org.partnershipledger.command.partnership;

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
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;
import org.partnershipledger.platform.security.Principals;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partnership commands. Each maps its request to one command and answers with the partnership's new version. */
@RestController
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partnerships")
class PartnershipController {

    private final CommandSender commands;
    private final IdGenerator ids;

    PartnershipController(CommandSender commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record KpiRequest(@NotBlank String kpiId, @NotBlank String name, @NotBlank String unit,
                      @NotNull BigDecimal baseline, @NotNull BigDecimal target, LocalDate dueDate) {
        static List<Kpi> toKpis(List<KpiRequest> kpis) {
            return kpis == null ? List.of()
                    : kpis.stream().map(k -> new Kpi(k.kpiId(), k.name(), k.unit(), k.baseline(), k.target(),
                    k.dueDate())).toList();
        }
    }

    record OpenRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String client,
                       @Size(max = 2000) String vision, List<@Valid KpiRequest> kpis,
                       @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @Operation(summary = "Open a partnership (stage SELECTION)")
    ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenRequest request) {
        PartnershipId id = new PartnershipId(ids.next());
        return commands.send(new OpenPartnership(id, request.name(), request.client(), request.vision(),
                KpiRequest.toKpis(request.kpis()), request.reason()), CommandResponses.created("partnershipId", id.value()));
    }

    record ShortlistRequest(@NotBlank @Size(max = 64) String organizationId, @NotBlank @Size(max = 200) String name,
                            @NotNull PartnerRole role) {
    }

    @PostMapping("/{id}/candidates")
    @Operation(summary = "Shortlist a partner organisation as a candidate")
    ResponseEntity<Map<String, Object>> shortlist(@PathVariable String id, @Valid @RequestBody ShortlistRequest request,
                                                  @IfMatch Long expectedVersion) {
        String partnerId = ids.next();
        return commands.send(new ShortlistCandidate(new PartnershipId(id), partnerId, request.organizationId(),
                request.name(), request.role(), expectedVersion),
                CommandResponses.created("partnerId", partnerId));
    }

    record DueDiligenceRequest(@NotNull DueDiligenceCriterion criterion, @NotNull Integer score,
                               @NotBlank @Size(max = 4000) String evidence) {
    }

    @PostMapping("/{id}/candidates/{partnerId}/due-diligence")
    @Operation(summary = "Assess a candidate on one criterion (re-assessing supersedes)")
    ResponseEntity<Map<String, Object>> assess(@PathVariable String id, @PathVariable String partnerId,
                                               @Valid @RequestBody DueDiligenceRequest request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new AssessDueDiligence(new PartnershipId(id), partnerId, request.criterion(),
                request.score(), request.evidence(), expectedVersion), CommandResponses.changed());
    }

    @PostMapping("/{id}/candidates/{partnerId}/selection")
    @Operation(summary = "Select a candidate that passed due diligence")
    ResponseEntity<Map<String, Object>> select(@PathVariable String id, @PathVariable String partnerId,
                                               @Valid @RequestBody ReasonBody request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new SelectPartner(new PartnershipId(id), partnerId, request.reason(),
                expectedVersion), CommandResponses.changed());
    }

    record StrategyRequest(@NotBlank @Size(max = 2000) String vision, List<@Valid KpiRequest> kpis,
                           @Size(max = 2000) String reason) {
    }

    @PutMapping("/{id}/strategy")
    @Operation(summary = "Re-align vision and KPIs (a change of direction: reason required)")
    ResponseEntity<Map<String, Object>> realign(@PathVariable String id, @Valid @RequestBody StrategyRequest request,
                                                @IfMatch Long expectedVersion) {
        return commands.send(new RealignStrategy(new PartnershipId(id), request.vision(),
                KpiRequest.toKpis(request.kpis()), request.reason(), expectedVersion),
                CommandResponses.changed());
    }

    @PostMapping(path = "/{id}/onboarding", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Start onboarding (needs a selected partner)")
    ResponseEntity<Map<String, Object>> startOnboarding(@PathVariable String id, @IfMatch Long expectedVersion) {
        return commands.send(new StartOnboarding(new PartnershipId(id), expectedVersion),
                CommandResponses.changed());
    }

    record CompletionRequest(@NotBlank @Size(max = 4000) String summary) {
    }

    @PostMapping("/{id}/onboarding/completion")
    @Operation(summary = "Complete onboarding (stage DELIVERY)")
    ResponseEntity<Map<String, Object>> completeOnboarding(@PathVariable String id,
                                                           @Valid @RequestBody CompletionRequest request,
                                                           @IfMatch Long expectedVersion) {
        return commands.send(new CompleteOnboarding(new PartnershipId(id), request.summary(),
                expectedVersion), CommandResponses.changed());
    }

    record CharterRequest(@NotNull GovernanceCadence cadence, @NotEmpty List<@NotBlank String> steeringMembers) {
    }

    @PutMapping("/{id}/governance-charter")
    @Operation(summary = "Set the governance charter")
    ResponseEntity<Map<String, Object>> charter(@PathVariable String id, @Valid @RequestBody CharterRequest request,
                                                @IfMatch Long expectedVersion) {
        return commands.send(new SetGovernanceCharter(new PartnershipId(id), request.cadence(),
                request.steeringMembers(), expectedVersion), CommandResponses.changed());
    }

    record ReviewRequest(@NotBlank String period, @NotEmpty List<@NotBlank String> attendees,
                         List<@NotBlank String> decisions, List<@NotBlank String> actions) {
    }

    @PostMapping("/{id}/business-reviews")
    @Operation(summary = "Record a business review held for a period (needs a charter; one per period)")
    ResponseEntity<Map<String, Object>> review(@PathVariable String id, @Valid @RequestBody ReviewRequest request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new HoldBusinessReview(new PartnershipId(id), request.period(), request.attendees(),
                request.decisions(), request.actions(), expectedVersion),
                CommandResponses.changed());
    }

    record CostShareRequest(@NotBlank String businessUnit, @NotNull BigDecimal percent) {
    }

    record CostSharingRequest(@NotBlank String currency, @NotNull BigDecimal totalBudget,
                              @NotEmpty List<@Valid CostShareRequest> shares, @Size(max = 2000) String reason) {
    }

    @PutMapping("/{id}/cost-sharing")
    @Operation(summary = "Agree how business units share the cost (shares total 100; reason required)")
    ResponseEntity<Map<String, Object>> costSharing(@PathVariable String id,
                                                    @Valid @RequestBody CostSharingRequest request,
                                                    @IfMatch Long expectedVersion) {
        List<CostShare> shares = request.shares().stream()
                .map(share -> new CostShare(share.businessUnit().trim(), share.percent())).toList();
        return commands.send(new AgreeCostSharing(new PartnershipId(id), request.currency(), request.totalBudget(),
                shares, request.reason(), expectedVersion), CommandResponses.changed());
    }

    record ConcernRequest(@NotNull Side raisedBy, @NotBlank @Size(max = 300) String subject,
                          @NotBlank @Size(max = 4000) String description) {
    }

    @PostMapping("/{id}/concerns")
    @Operation(summary = "Raise a concern in the transparency log (managers, and partners of this partnership)")
    ResponseEntity<Map<String, Object>> raiseConcern(@PathVariable String id, @Valid @RequestBody ConcernRequest request,
                                                     @IfMatch Long expectedVersion) {
        String concernId = ids.next();
        // a partner raises concerns as the partner side, and only where its organisation takes part
        String partnerOrganization = Principals.current().filter(Principals::isPartnerOnly)
                .map(principal -> Principals.organizationId(principal).orElse(""))
                .orElse(null);
        Side raisedBy = partnerOrganization != null ? Side.PARTNER : request.raisedBy();
        return commands.send(new RaiseConcern(new PartnershipId(id), concernId, raisedBy, request.subject(),
                request.description(), partnerOrganization, expectedVersion),
                CommandResponses.created("concernId", concernId));
    }

    record ResolutionRequest(@NotBlank @Size(max = 4000) String resolution) {
    }

    @PostMapping("/{id}/concerns/{concernId}/resolution")
    @Operation(summary = "Resolve a concern")
    ResponseEntity<Map<String, Object>> resolveConcern(@PathVariable String id, @PathVariable String concernId,
                                                       @Valid @RequestBody ResolutionRequest request,
                                                       @IfMatch Long expectedVersion) {
        return commands.send(new ResolveConcern(new PartnershipId(id), concernId, request.resolution(),
                expectedVersion), CommandResponses.changed());
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End the partnership (reason required); nothing changes in it afterwards")
    ResponseEntity<Map<String, Object>> end(@PathVariable String id, @Valid @RequestBody ReasonBody request,
                                            @IfMatch Long expectedVersion) {
        return commands.send(new EndPartnership(new PartnershipId(id), request.reason(),
                expectedVersion), CommandResponses.changed());
    }
}
