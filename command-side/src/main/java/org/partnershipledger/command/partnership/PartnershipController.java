package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.partnershipledger.command.common.ReasonBody;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.Side;
import org.partnershipledger.platform.security.Principals;
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

/** Partnership commands. Each maps its request to one command and answers with the partnership's new version. */
@RestController
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partnerships", description = "Open a partnership, select and onboard a partner, govern it, share its "
        + "cost, log concerns, end it")
class PartnershipController {

    private final CommandSender commands;
    private final IdGenerator ids;

    PartnershipController(CommandSender commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    /** The 201 answers: the new thing's id, and the partnership's version (also in ETag). */
    record PartnershipCreated(String partnershipId, long version) {
    }

    record CandidateCreated(String partnerId, long version) {
    }

    record ConcernCreated(String concernId, long version) {
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
                       @Size(max = 2000) String vision, List<@NotNull @Valid KpiRequest> kpis,
                       @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openPartnership", summary = "Open a partnership (stage SELECTION)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.DUPLICATE_KPI})
    ResponseEntity<PartnershipCreated> open(@Valid @RequestBody OpenRequest request) {
        PartnershipId id = new PartnershipId(ids.next());
        return commands.send(new OpenPartnership(id, request.name(), request.client(), request.vision(),
                KpiRequest.toKpis(request.kpis()), request.reason()),
                CommandResponses.created("partnershipId", id.value()), PartnershipCreated.class);
    }

    record ShortlistRequest(@NotBlank @Size(max = 64) String organizationId, @NotBlank @Size(max = 200) String name,
                            @NotNull PartnerRole role, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/candidates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "shortlistCandidate", summary = "Shortlist a partner organisation as a candidate")
    @Rejects({ProblemCode.ALREADY_SHORTLISTED, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CandidateCreated> shortlist(@PathVariable String id, @Valid @RequestBody ShortlistRequest request,
                                               @IfMatch Long expectedVersion) {
        String partnerId = ids.next();
        return commands.send(new ShortlistCandidate(new PartnershipId(id), partnerId, request.organizationId(),
                request.name(), request.role(), request.reason(), expectedVersion),
                CommandResponses.created("partnerId", partnerId), CandidateCreated.class);
    }

    /**
     * {@code evidence} is a list of references; for clients written before evidence was typed, a single string is
     * read as one DOCUMENT reference (an absolute http(s) URI, or the assessment is refused).
     */
    record DueDiligenceRequest(@NotNull DueDiligenceCriterion criterion, @NotNull Integer score,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                       description = "What the score rests on: at least one reference (a DOCUMENT "
                                       + "by its http(s) URI, a BUSINESS_REVIEW by its period, an XAPI_STATEMENT by "
                                       + "its id, a BI_REPORT). A single string is read as one DOCUMENT reference "
                                       + "and must then be an absolute http(s) URI.")
                               @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                               @JsonDeserialize(contentUsing = EvidenceOrUri.class)
                               List<Evidence> evidence,
                               @Schema(description = "Optional free text: what the references do not say")
                               @Size(max = PartnerRules.MAX_NOTES) String notes,
                               @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/candidates/{partnerId}/due-diligence")
    @Operation(operationId = "assessDueDiligence",
            summary = "Assess a candidate on one criterion (re-assessing supersedes)")
    @Rejects({ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.EVIDENCE_REQUIRED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.CANDIDATE_DECLINED, ProblemCode.PARTNER_OFFBOARDED, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> assess(@PathVariable String id, @PathVariable String partnerId,
                                           @Valid @RequestBody DueDiligenceRequest request,
                                           @IfMatch Long expectedVersion) {
        return commands.send(new AssessDueDiligence(new PartnershipId(id), partnerId, request.criterion(),
                request.score(), request.evidence(), request.notes(), request.reason(), expectedVersion),
                CommandResponses.changed(),
                CommandAccepted.class);
    }

    @PostMapping("/{id}/candidates/{partnerId}/selection")
    @Operation(operationId = "selectPartner", summary = "Select a candidate that passed due diligence")
    @Rejects({ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.REASON_REQUIRED, ProblemCode.ALREADY_SELECTED,
            ProblemCode.DUE_DILIGENCE_INCOMPLETE, ProblemCode.DUE_DILIGENCE_FAILED, ProblemCode.CANDIDATE_DECLINED,
            ProblemCode.PARTNER_OFFBOARDED, ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF,
            ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> select(@PathVariable String id, @PathVariable String partnerId,
                                           @Valid @RequestBody DecisionBody request,
                                           @IfMatch Long expectedVersion) {
        return commands.send(new SelectPartner(new PartnershipId(id), partnerId, request.reason(),
                request.evidence(), request.decisionRef(), expectedVersion), CommandResponses.changed(),
                CommandAccepted.class);
    }

    @PostMapping("/{id}/candidates/{partnerId}/decline")
    @Operation(operationId = "declineCandidate", summary = "Decline a candidate that was not selected (reason "
            + "required): it takes no further step, and reads what happened until then")
    @Rejects({ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.REASON_REQUIRED, ProblemCode.ALREADY_SELECTED,
            ProblemCode.CANDIDATE_DECLINED, ProblemCode.PARTNER_OFFBOARDED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> decline(@PathVariable String id, @PathVariable String partnerId,
                                            @Valid @RequestBody DecisionBody request,
                                            @IfMatch Long expectedVersion) {
        return commands.send(new DeclineCandidate(new PartnershipId(id), partnerId, request.reason(),
                request.evidence(), request.decisionRef(), expectedVersion), CommandResponses.changed(),
                CommandAccepted.class);
    }

    @PostMapping("/{id}/candidates/{partnerId}/offboarding")
    @Operation(operationId = "offboardPartner", summary = "Offboard a selected partner from the coalition (reason "
            + "required): it takes no further step, and reads what happened until then")
    @Rejects({ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.REASON_REQUIRED, ProblemCode.NOT_SELECTED,
            ProblemCode.CANDIDATE_DECLINED, ProblemCode.PARTNER_OFFBOARDED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> offboard(@PathVariable String id, @PathVariable String partnerId,
                                             @Valid @RequestBody DecisionBody request,
                                             @IfMatch Long expectedVersion) {
        return commands.send(new OffboardPartner(new PartnershipId(id), partnerId, request.reason(),
                request.evidence(), request.decisionRef(), expectedVersion), CommandResponses.changed(),
                CommandAccepted.class);
    }

    record StrategyRequest(@NotBlank @Size(max = 2000) String vision, List<@NotNull @Valid KpiRequest> kpis,
                           @Size(max = 2000) String reason, List<Evidence> evidence,
                           @Size(max = 100) String decisionRef) {
    }

    @PutMapping("/{id}/strategy")
    @Operation(operationId = "realignStrategy",
            summary = "Re-align vision and KPIs (a change of direction: reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.DUPLICATE_KPI, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> realign(@PathVariable String id, @Valid @RequestBody StrategyRequest request,
                                            @IfMatch Long expectedVersion) {
        return commands.send(new RealignStrategy(new PartnershipId(id), request.vision(),
                KpiRequest.toKpis(request.kpis()), request.reason(), request.evidence(), request.decisionRef(),
                expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    @PostMapping(path = "/{id}/onboarding", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "startOnboarding", summary = "Start onboarding (needs a selected partner)")
    @Rejects({ProblemCode.NO_SELECTED_PARTNER, ProblemCode.INVALID_STAGE, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> startOnboarding(@PathVariable String id,
                                                    @Valid @RequestBody(required = false) ReasonBody request,
                                                    @IfMatch Long expectedVersion) {
        return commands.send(new StartOnboarding(new PartnershipId(id), request == null ? null : request.reason(),
                expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record CompletionRequest(@NotBlank @Size(max = 4000) String summary, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/onboarding/completion")
    @Operation(operationId = "completeOnboarding", summary = "Complete onboarding (stage DELIVERY)")
    @Rejects({ProblemCode.INVALID_STAGE, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> completeOnboarding(@PathVariable String id,
                                                       @Valid @RequestBody CompletionRequest request,
                                                       @IfMatch Long expectedVersion) {
        return commands.send(new CompleteOnboarding(new PartnershipId(id), request.summary(), request.reason(),
                expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    record CharterRequest(@NotNull GovernanceCadence cadence,
                          @NotEmpty List<@NotBlank @Size(max = 200) String> steeringMembers,
                          @Size(max = 2000) String reason, List<Evidence> evidence,
                          @Size(max = 100) String decisionRef) {
    }

    @PutMapping("/{id}/governance-charter")
    @Operation(operationId = "setGovernanceCharter", summary = "Set the governance charter; replacing one needs a "
            + "reason. Its steering members are the people who may approve programs and pivots")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF,
            ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> charter(@PathVariable String id, @Valid @RequestBody CharterRequest request,
                                            @IfMatch Long expectedVersion) {
        return commands.send(new SetGovernanceCharter(new PartnershipId(id), request.cadence(),
                request.steeringMembers(), request.reason(), request.evidence(), request.decisionRef(),
                expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    /** An action the review takes: what, which side owns it (CLIENT or PARTNER), who, and by when. */
    record ActionRequest(@NotBlank @Size(max = 2000) String description, @NotNull Side ownerSide,
                         @NotBlank @Size(max = 200) String owner, @NotNull LocalDate dueDate) {
    }

    record ReviewRequest(@NotBlank String period, @NotEmpty List<@NotBlank String> attendees,
                         List<@NotBlank String> decisions, List<@NotNull @Valid ActionRequest> actions,
                         @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/business-reviews")
    @Operation(operationId = "holdBusinessReview",
            summary = "Record a business review held for a period (needs a charter; one per period); its actions "
            + "are tracked as <period>-1, <period>-2, … in the order given")
    @Rejects({ProblemCode.NO_GOVERNANCE_CHARTER, ProblemCode.REVIEW_ALREADY_HELD, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> review(@PathVariable String id, @Valid @RequestBody ReviewRequest request,
                                           @IfMatch Long expectedVersion) {
        return commands.send(new HoldBusinessReview(new PartnershipId(id), request.period(), request.attendees(),
                request.decisions(), request.actions() == null ? List.of() : request.actions().stream()
                        .map(a -> new HoldBusinessReview.Action(a.description(), a.ownerSide(), a.owner(),
                                a.dueDate())).toList(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record CostShareRequest(@NotBlank String businessUnit, @NotNull BigDecimal percent) {
    }

    record CostSharingRequest(@NotBlank String currency, @NotNull BigDecimal totalBudget,
                              @NotEmpty List<@NotNull @Valid CostShareRequest> shares, @Size(max = 2000) String reason,
                              List<Evidence> evidence, @Size(max = 100) String decisionRef) {
    }

    @PutMapping("/{id}/cost-sharing")
    @Operation(operationId = "agreeCostSharing",
            summary = "Agree how business units share the cost (shares total 100; reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.DUPLICATE_BUSINESS_UNIT, ProblemCode.SHARES_MUST_TOTAL_100,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> costSharing(@PathVariable String id,
                                                @Valid @RequestBody CostSharingRequest request,
                                                @IfMatch Long expectedVersion) {
        List<CostShare> shares = request.shares().stream()
                .map(share -> new CostShare(share.businessUnit().trim(), share.percent())).toList();
        return commands.send(new AgreeCostSharing(new PartnershipId(id), request.currency(), request.totalBudget(),
                shares, request.reason(), request.evidence(), request.decisionRef(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    /** {@code organizationId}: the partner organisation the concern is about (optional; a partner's is its own). */
    record ConcernRequest(@NotNull Side raisedBy, @NotBlank @Size(max = 300) String subject,
                          @NotBlank @Size(max = 4000) String description, @Size(max = 64) String organizationId,
                          @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/concerns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "raiseConcern",
            summary = "Raise a concern in the transparency log (managers, and partners of this partnership), about "
            + "a partner organisation shortlisted here or about no one partner")
    @Rejects({ProblemCode.PARTNERSHIP_NOT_FOUND, ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.PARTNER_ACCESS_ENDED,
            ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<ConcernCreated> raiseConcern(@PathVariable String id, @Valid @RequestBody ConcernRequest request,
                                                @IfMatch Long expectedVersion) {
        String concernId = ids.next();
        // a partner raises concerns as the partner side, and only where its organisation takes part
        String partnerOrganization = Principals.current().filter(Principals::isPartnerOnly)
                .map(principal -> Principals.organizationId(principal).orElse(""))
                .orElse(null);
        Side raisedBy = partnerOrganization != null ? Side.PARTNER : request.raisedBy();
        return commands.send(new RaiseConcern(new PartnershipId(id), concernId, raisedBy, request.subject(),
                request.description(), request.organizationId(), partnerOrganization, request.reason(),
                expectedVersion),
                CommandResponses.created("concernId", concernId), ConcernCreated.class);
    }

    record ResolutionRequest(@NotBlank @Size(max = 4000) String resolution, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/concerns/{concernId}/resolution")
    @Operation(operationId = "resolveConcern", summary = "Resolve a concern")
    @Rejects({ProblemCode.CONCERN_NOT_FOUND, ProblemCode.CONCERN_ALREADY_RESOLVED, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> resolveConcern(@PathVariable String id, @PathVariable String concernId,
                                                   @Valid @RequestBody ResolutionRequest request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new ResolveConcern(new PartnershipId(id), concernId, request.resolution(),
                request.reason(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    @PostMapping("/{id}/end")
    @Operation(operationId = "endPartnership",
            summary = "End the partnership (reason required); nothing changes in it afterwards")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF,
            ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> end(@PathVariable String id, @Valid @RequestBody DecisionBody request,
                                        @IfMatch Long expectedVersion) {
        return commands.send(new EndPartnership(new PartnershipId(id), request.reason(), request.evidence(),
                request.decisionRef(), expectedVersion), CommandResponses.changed(), CommandAccepted.class);
    }

    // Mutual accountability, partner performance, agreement and growth, cost sharing in practice. Every decision
    // may cite evidence and the business review that took it (decisionRef, its period), and say why (reason).

    record SpendCreated(String spendId, long version) {
    }

    record CompletionNoteRequest(@Size(max = 4000) String note, @Size(max = 2000) String reason,
                                 @Size(max = 50) List<@NotNull Evidence> evidence, @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/review-actions/{actionId}/completion")
    @Operation(operationId = "completeReviewAction", summary = "Mark a business review action done (optional note "
            + "and evidence)")
    @Rejects({ProblemCode.REVIEW_ACTION_NOT_FOUND, ProblemCode.REVIEW_ACTION_CLOSED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> completeAction(@PathVariable String id, @PathVariable String actionId,
                                                   @Valid @RequestBody CompletionNoteRequest request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new CompleteReviewAction(new PartnershipId(id), actionId, request.note(),
                request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    @PostMapping("/{id}/review-actions/{actionId}/drop")
    @Operation(operationId = "dropReviewAction", summary = "Drop a business review action (reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.REVIEW_ACTION_NOT_FOUND, ProblemCode.REVIEW_ACTION_CLOSED,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> dropAction(@PathVariable String id, @PathVariable String actionId,
                                               @Valid @RequestBody DecisionBody request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new DropReviewAction(new PartnershipId(id), actionId, request.evidence(),
                request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    /** Scores 1 (poor) to 5 (excellent). */
    record PartnerReviewRequest(@NotBlank String period, @NotNull Integer quality, @NotNull Integer onTimeDelivery,
                                @NotNull Integer budget, @NotNull Integer facilitationQuality,
                                @Size(max = 4000) String comment, @Size(max = 2000) String reason,
                                @Size(max = 50) List<@NotNull Evidence> evidence, @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/candidates/{partnerId}/performance-reviews")
    @Operation(operationId = "recordPartnerReview", summary = "Score a selected partner for a period, 1 to 5 on "
            + "quality, on-time delivery, budget and facilitation quality (one review per partner and period)")
    @Rejects({ProblemCode.CANDIDATE_NOT_FOUND, ProblemCode.PARTNER_NOT_SELECTED, ProblemCode.CANDIDATE_DECLINED,
            ProblemCode.PARTNER_OFFBOARDED, ProblemCode.PARTNER_REVIEW_ALREADY_RECORDED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> reviewPartner(@PathVariable String id, @PathVariable String partnerId,
                                                  @Valid @RequestBody PartnerReviewRequest request,
                                                  @IfMatch Long expectedVersion) {
        return commands.send(new RecordPartnerReview(new PartnershipId(id), partnerId, request.period(),
                request.quality(), request.onTimeDelivery(), request.budget(), request.facilitationQuality(),
                request.comment(), request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record AgreementRequest(@NotNull LocalDate termStart, @NotNull LocalDate termEnd, @NotNull LocalDate renewalDate,
                            @Size(max = 2000) String reason, @Size(max = 50) List<@NotNull Evidence> evidence,
                            @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/agreement")
    @Operation(operationId = "signAgreement", summary = "Sign the agreement: its term, and a renewal date not after "
            + "the end of the term (evidence: the signed document)")
    @Rejects({ProblemCode.AGREEMENT_ALREADY_SIGNED, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> signAgreement(@PathVariable String id,
                                                  @Valid @RequestBody AgreementRequest request,
                                                  @IfMatch Long expectedVersion) {
        return commands.send(new SignAgreement(new PartnershipId(id), request.termStart(), request.termEnd(),
                request.renewalDate(), request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record RenewalRequest(@NotNull LocalDate termEnd, @NotNull LocalDate renewalDate,
                          @Size(max = 2000) String reason, @Size(max = 50) List<@NotNull Evidence> evidence,
                          @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/agreement/renewal")
    @Operation(operationId = "renewAgreement",
            summary = "Renew the agreement to a later end, with a later renewal date")
    @Rejects({ProblemCode.NO_AGREEMENT, ProblemCode.AGREEMENT_NOT_RENEWED, ProblemCode.AGREEMENT_DATES_OUT_OF_ORDER,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> renewAgreement(@PathVariable String id,
                                                   @Valid @RequestBody RenewalRequest request,
                                                   @IfMatch Long expectedVersion) {
        return commands.send(new RenewAgreement(new PartnershipId(id), request.termEnd(), request.renewalDate(),
                request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    @PostMapping("/{id}/agreement/non-renewal")
    @Operation(operationId = "doNotRenewAgreement", summary = "Decide not to renew the agreement (reason required); "
            + "it runs to the end of its term")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.NO_AGREEMENT, ProblemCode.AGREEMENT_NOT_RENEWED,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> doNotRenew(@PathVariable String id, @Valid @RequestBody DecisionBody request,
                                               @IfMatch Long expectedVersion) {
        return commands.send(new DoNotRenewAgreement(new PartnershipId(id), request.evidence(),
                request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record ScopeRequest(@Size(max = 100) List<@NotBlank @Size(max = 200) String> regions,
                        @Size(max = 100) List<@NotBlank @Size(max = 200) String> programs,
                        @Size(max = 2000) String reason, @Size(max = 50) List<@NotNull Evidence> evidence,
                        @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/scope-extensions")
    @Operation(operationId = "extendScope", summary = "Extend the scope to new regions and/or programs (names or "
            + "ids; reason required)")
    @Rejects({ProblemCode.REASON_REQUIRED, ProblemCode.SCOPE_UNCHANGED, ProblemCode.EVIDENCE_INVALID,
            ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> extendScope(@PathVariable String id, @Valid @RequestBody ScopeRequest request,
                                                @IfMatch Long expectedVersion) {
        return commands.send(new ExtendScope(new PartnershipId(id), request.regions(), request.programs(),
                request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    record AcceptanceRequest(@NotBlank @Size(max = 200) String businessUnit,
                             @NotBlank @Size(max = 200) String acceptedBy, @Size(max = 2000) String reason,
                             @Size(max = 50) List<@NotNull Evidence> evidence, @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/cost-sharing/acceptances")
    @Operation(operationId = "acceptCostShare", summary = "A business unit accepts its share of the current cost "
            + "split (acceptedBy names who accepted)")
    @Rejects({ProblemCode.NO_COST_SHARING, ProblemCode.UNKNOWN_BUSINESS_UNIT, ProblemCode.COST_SHARE_ALREADY_ACCEPTED,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<CommandAccepted> acceptShare(@PathVariable String id,
                                                @Valid @RequestBody AcceptanceRequest request,
                                                @IfMatch Long expectedVersion) {
        return commands.send(new AcceptCostShare(new PartnershipId(id), request.businessUnit(), request.acceptedBy(),
                request.evidence(), request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.changed(), CommandAccepted.class);
    }

    /** {@code currency}, if given, must be the split's; the amount is in the split's currency. */
    record SpendRequest(@NotBlank @Size(max = 200) String businessUnit, @NotNull BigDecimal amount,
                        @Size(max = 3) String currency, @NotBlank String period,
                        @NotBlank @Size(max = 2000) String description, @Size(max = 2000) String reason,
                        @Size(max = 50) List<@NotNull Evidence> evidence, @Size(max = 20) String decisionRef) {
    }

    @PostMapping("/{id}/spend")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordSpend", summary = "Record actual spend of a business unit of the cost split "
            + "against its budget")
    @Rejects({ProblemCode.NO_COST_SHARING, ProblemCode.UNKNOWN_BUSINESS_UNIT, ProblemCode.SPEND_CURRENCY_MISMATCH,
            ProblemCode.EVIDENCE_INVALID, ProblemCode.UNKNOWN_DECISION_REF, ProblemCode.PARTNERSHIP_ENDED})
    ResponseEntity<SpendCreated> recordSpend(@PathVariable String id, @Valid @RequestBody SpendRequest request,
                                             @IfMatch Long expectedVersion) {
        String spendId = ids.next();
        return commands.send(new RecordSpend(new PartnershipId(id), spendId, request.businessUnit(),
                request.amount(), request.currency(), request.period(), request.description(), request.evidence(),
                request.decisionRef(), request.reason(), expectedVersion),
                CommandResponses.created("spendId", spendId), SpendCreated.class);
    }
}
