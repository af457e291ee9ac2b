package org.partnershipledger.command.partnership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.partnershipledger.command.common.Guards.assertGiven;
import static org.partnershipledger.command.common.Guards.assertReasonGiven;
import static org.partnershipledger.command.common.Decisions.assertDecisionRef;
import static org.partnershipledger.command.common.Decisions.assertEvidence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.Decisions;
import org.partnershipledger.command.common.ExpectedVersion;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * The long-lived relationship between the client organisation and its partners: selection after due diligence,
 * onboarding, governance, cost sharing, the transparency log, and its end. Command handlers check named guards
 * and apply events; event-sourcing handlers only evolve state. Every handler returns the new version.
 *
 * <p>{@code @Revision} is the revision of the snapshot shape (these fields): bump it whenever a field changes. A stored
 * snapshot of another revision, or one that does not read, is ignored ({@code SnapshotShapes}) and the aggregate is
 * rebuilt from its events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "partnershipSnapshots", snapshotFilter = "partnershipSnapshotFilter",
        cache = "aggregateCache")
class Partnership {

    @AggregateIdentifier
    private PartnershipId partnershipId;
    private Stage stage;
    private Map<String, Candidate> candidates = new HashMap<>();
    private boolean charterSet;
    private Set<String> reviewedPeriods = new HashSet<>();
    private Map<String, Boolean> concernsResolved = new HashMap<>();
    @AggregateMember
    private Accountability accountability = new Accountability();
    @AggregateMember
    private Agreement agreement = new Agreement();
    @AggregateMember
    private CostSplit costSplit = new CostSplit();

    Partnership() {
        // for Axon: rebuilt from its events
    }

    /** Ended partnerships take no command; every command may name the version it was decided on. */
    @CommandHandlerInterceptor
    Object guard(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (stage == Stage.ENDED) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNERSHIP_ENDED, "The partnership has ended");
        }
        ExpectedVersion.check(command.getPayload(), AggregateLifecycle.getVersion());
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(OpenPartnership command) {
        assertGiven(command.name(), "name");
        assertGiven(command.client(), "client");
        assertReasonGiven(command.reason());
        KpiRules.assertValid(command.kpis());
        apply(new PartnershipOpened(command.partnershipId(), command.name().trim(), command.client().trim(),
                command.vision(), command.kpis()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ShortlistCandidate command) {
        PartnerRules.assertOrganizationId(command.organizationId());
        assertGiven(command.name(), "name");
        PartnerRules.assertGivenRole(command.role());
        if (candidates.values().stream().anyMatch(c -> c.organizationId.equals(command.organizationId()))) {
            throw new LedgerRejection.RuleViolated(ProblemCode.ALREADY_SHORTLISTED,
                    command.organizationId() + " is already shortlisted in this partnership");
        }
        apply(new CandidateShortlisted(partnershipId, command.partnerId(), command.organizationId(),
                command.name().trim(), command.role()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AssessDueDiligence command) {
        candidate(command.partnerId()).assertStillTakingPart();
        PartnerRules.assertAssessment(command.criterion(), command.score());
        apply(new DueDiligenceAssessed(partnershipId, command.partnerId(), command.criterion(), command.score(),
                PartnerRules.assertAssessmentEvidence(command.evidence()), PartnerRules.notes(command.notes())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SelectPartner command) {
        Candidate candidate = candidate(command.partnerId());
        assertReasonGiven(command.reason());
        candidate.assertStillTakingPart();
        if (candidate.selected) {
            throw new LedgerRejection.RuleViolated(ProblemCode.ALREADY_SELECTED, "This partner is already selected");
        }
        List<Evidence> evidence = assertDecision(command);
        candidate.assertPassedDueDiligence();
        apply(new PartnerSelected(partnershipId, command.partnerId(), candidate.organizationId, command.reason(),
                evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    /** A candidate that was not selected is declined; a selected one leaves by offboarding. */
    @CommandHandler
    long handle(DeclineCandidate command) {
        Candidate candidate = candidate(command.partnerId());
        assertReasonGiven(command.reason());
        candidate.assertStillTakingPart();
        if (candidate.selected) {
            throw new LedgerRejection.RuleViolated(ProblemCode.ALREADY_SELECTED,
                    "This partner is already selected: offboard it instead");
        }
        List<Evidence> evidence = assertDecision(command);
        apply(new CandidateDeclined(partnershipId, command.partnerId(), candidate.organizationId, command.reason(),
                evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(OffboardPartner command) {
        Candidate candidate = candidate(command.partnerId());
        assertReasonGiven(command.reason());
        candidate.assertStillTakingPart();
        if (!candidate.selected) {
            throw new LedgerRejection.RuleViolated(ProblemCode.NOT_SELECTED,
                    "This candidate is not a selected partner: decline it instead");
        }
        List<Evidence> evidence = assertDecision(command);
        apply(new PartnerOffboarded(partnershipId, command.partnerId(), candidate.organizationId, command.reason(),
                evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RealignStrategy command) {
        assertGiven(command.vision(), "vision");
        assertReasonGiven(command.reason());
        KpiRules.assertValid(command.kpis());
        List<Evidence> evidence = assertDecision(command);
        apply(new StrategyRealigned(partnershipId, command.vision(), command.kpis(), command.reason(), evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(StartOnboarding command) {
        if (candidates.values().stream().noneMatch(Candidate::isActivePartner)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.NO_SELECTED_PARTNER,
                    "Select a partner before onboarding");
        }
        assertStage(Stage.SELECTION, "Onboarding has already started");
        apply(new OnboardingStarted(partnershipId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteOnboarding command) {
        assertStage(Stage.ONBOARDING, "Onboarding is not in progress");
        assertGiven(command.summary(), "summary");
        apply(new OnboardingCompleted(partnershipId, command.summary()));
        return AggregateLifecycle.getVersion();
    }

    /** The first charter needs no reason; replacing one is a change of direction and does. */
    @CommandHandler
    long handle(SetGovernanceCharter command) {
        if (charterSet) {
            assertReasonGiven(command.reason());
        }
        GovernanceRules.assertCharter(command.cadence(), command.steeringMembers());
        List<Evidence> evidence = assertDecision(command);
        apply(new GovernanceCharterSet(partnershipId, command.cadence(),
                command.steeringMembers().stream().map(String::trim).toList(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(HoldBusinessReview command) {
        if (!charterSet) {
            throw new LedgerRejection.RuleViolated(ProblemCode.NO_GOVERNANCE_CHARTER, "Set a governance charter first");
        }
        GovernanceRules.assertReview(command.period(), command.attendees());
        if (reviewedPeriods.contains(command.period())) {
            throw new LedgerRejection.RuleViolated(ProblemCode.REVIEW_ALREADY_HELD,
                    "A business review for " + command.period() + " was already held");
        }
        apply(new BusinessReviewHeld(partnershipId, command.period(), command.attendees(), command.decisions(),
                Accountability.numbered(command.period(), command.actions())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AgreeCostSharing command) {
        assertReasonGiven(command.reason());
        CostSharingRules.assertValid(command.currency(), command.totalBudget(), command.shares());
        List<Evidence> evidence = assertDecision(command);
        apply(new CostSharingAgreed(partnershipId, command.currency().toUpperCase(), command.totalBudget(),
                command.shares(), command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RaiseConcern command) {
        String partner = ConcernRules.partnerOf(command, candidates.values(), partnershipId);
        if (command.raisedBy() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "raisedBy must be CLIENT or PARTNER");
        }
        assertGiven(command.subject(), "subject");
        assertGiven(command.description(), "description");
        apply(new ConcernRaised(partnershipId, command.concernId(), command.raisedBy(), command.subject(),
                command.description(), partner));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ResolveConcern command) {
        Boolean resolved = concernsResolved.get(command.concernId());
        if (resolved == null) {
            throw new LedgerRejection.NotFound(ProblemCode.CONCERN_NOT_FOUND,
                    "No such concern: " + command.concernId());
        }
        if (resolved) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CONCERN_ALREADY_RESOLVED,
                    "The concern is already resolved");
        }
        assertGiven(command.resolution(), "resolution");
        apply(new ConcernResolved(partnershipId, command.concernId(), command.resolution()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteReviewAction command) {
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        accountability.assertOpen(command.actionId());
        apply(new ReviewActionCompleted(partnershipId, command.actionId(), trimmed(command.note()), evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DropReviewAction command) {
        assertReasonGiven(command.reason());
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        accountability.assertOpen(command.actionId());
        apply(new ReviewActionDropped(partnershipId, command.actionId(), command.reason(), evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    /** Only a selected partner still in the coalition is reviewed, once per period. */
    @CommandHandler
    long handle(RecordPartnerReview command) {
        GovernanceRules.assertPeriod(command.period());
        Accountability.assertScores(command.quality(), command.onTimeDelivery(), command.budget(),
                command.facilitationQuality());
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        Candidate partner = candidate(command.partnerId());
        partner.assertStillTakingPart();
        if (!partner.selected) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNER_NOT_SELECTED,
                    partner.organizationId + " is a candidate, not a selected partner");
        }
        accountability.assertNotReviewed(command.partnerId(), command.period());
        apply(new PartnerReviewRecorded(partnershipId, command.partnerId(), partner.organizationId, command.period(),
                command.quality(), command.onTimeDelivery(), command.budget(), command.facilitationQuality(),
                trimmed(command.comment()), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SignAgreement command) {
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        agreement.assertSignable(command.termStart(), command.termEnd(), command.renewalDate());
        apply(new AgreementSigned(partnershipId, command.termStart(), command.termEnd(), command.renewalDate(),
                evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RenewAgreement command) {
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        agreement.assertRenewable(command.termEnd(), command.renewalDate());
        apply(new AgreementRenewed(partnershipId, command.termEnd(), command.renewalDate(), trimmed(command.reason()),
                evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DoNotRenewAgreement command) {
        assertReasonGiven(command.reason());
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        agreement.assertOpenForDecision();
        apply(new AgreementNotRenewed(partnershipId, command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ExtendScope command) {
        assertReasonGiven(command.reason());
        if (command.regions().isEmpty() && command.programs().isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "Name at least one region or program");
        }
        List<String> regions = agreement.newRegions(command.regions());
        List<String> programs = agreement.newPrograms(command.programs());
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        if (regions.isEmpty() && programs.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.SCOPE_UNCHANGED,
                    "Every region and program named is already in scope");
        }
        apply(new ScopeExtended(partnershipId, regions, programs, command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AcceptCostShare command) {
        assertGiven(command.acceptedBy(), "acceptedBy");
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        String unit = costSplit.unit(command.businessUnit());
        costSplit.assertNotAccepted(unit);
        apply(new CostShareAccepted(partnershipId, unit, command.acceptedBy().trim(), evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordSpend command) {
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "amount must be positive");
        }
        GovernanceRules.assertPeriod(command.period());
        assertGiven(command.description(), "description");
        List<Evidence> evidence = decision(command.evidence(), command.decisionRef());
        String unit = costSplit.unit(command.businessUnit());
        String currency = costSplit.currency(command.currency());
        apply(new SpendRecorded(partnershipId, command.spendId(), unit, currency, command.amount(), command.period(),
                command.description().trim(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(EndPartnership command) {
        assertReasonGiven(command.reason());
        List<Evidence> evidence = assertDecision(command);
        apply(new PartnershipEnded(partnershipId, command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    /** A decision's evidence, normalised, once its decisionRef names a review held here. */
    private List<Evidence> decision(List<Evidence> evidence, String decisionRef) {
        List<Evidence> normalised = assertEvidence(evidence);
        assertDecisionRef(decisionRef, reviewedPeriods);
        return normalised;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A decision's evidence must be references a board can follow, and its decisionRef a review held here. */
    private List<Evidence> assertDecision(DecisionCommand command) {
        return decision(command.evidence(), command.decisionRef());
    }

    private Candidate candidate(String partnerId) {
        Candidate candidate = candidates.get(partnerId);
        if (candidate == null) {
            throw new LedgerRejection.NotFound(ProblemCode.CANDIDATE_NOT_FOUND, "No such candidate: " + partnerId);
        }
        return candidate;
    }

    private void assertStage(Stage expected, String message) {
        if (stage != expected) {
            throw new LedgerRejection.RuleViolated(ProblemCode.INVALID_STAGE, message + " (stage is " + stage + ")");
        }
    }

    @EventSourcingHandler
    void on(PartnershipOpened event) {
        partnershipId = event.partnershipId();
        stage = Stage.SELECTION;
    }

    @EventSourcingHandler
    void on(CandidateShortlisted event) {
        candidates.put(event.partnerId(), new Candidate(event.organizationId()));
    }

    @EventSourcingHandler
    void on(DueDiligenceAssessed event) {
        candidates.get(event.partnerId()).scores.put(event.criterion(), event.score());
    }

    @EventSourcingHandler
    void on(PartnerSelected event) {
        candidates.get(event.partnerId()).selected = true;
    }

    @EventSourcingHandler
    void on(CandidateDeclined event) {
        candidates.get(event.partnerId()).declined = true;
    }

    @EventSourcingHandler
    void on(PartnerOffboarded event) {
        candidates.get(event.partnerId()).offboarded = true;
    }

    @EventSourcingHandler
    void on(OnboardingStarted event) {
        stage = Stage.ONBOARDING;
    }

    @EventSourcingHandler
    void on(OnboardingCompleted event) {
        stage = Stage.DELIVERY;
    }

    @EventSourcingHandler
    void on(GovernanceCharterSet event) {
        charterSet = true;
    }

    @EventSourcingHandler
    void on(BusinessReviewHeld event) {
        reviewedPeriods.add(event.period());
        stage = stage.afterBusinessReview();
    }

    @EventSourcingHandler
    void on(ConcernRaised event) {
        concernsResolved.put(event.concernId(), false);
    }

    @EventSourcingHandler
    void on(ConcernResolved event) {
        concernsResolved.put(event.concernId(), true);
    }

    @EventSourcingHandler
    void on(PartnershipEnded event) {
        stage = Stage.ENDED;
    }
}
