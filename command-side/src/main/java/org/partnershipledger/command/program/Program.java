package org.partnershipledger.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.partnershipledger.command.common.Guards.assertGiven;
import static org.partnershipledger.command.common.Guards.assertReasonGiven;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershipledger.command.common.DecisionCommand;
import org.partnershipledger.command.common.Decisions;
import org.partnershipledger.command.common.ExpectedVersion;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.command.partnership.PartnershipStatus;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * A learning program inside a partnership: proposal, co-creation, approval, localisation, cohorts, pivots of its
 * versioned curriculum, impact records and retirement; its measurement plan, how far each localisation is from the
 * core, and the content business units curated for it. Every handler returns the program's new version.
 *
 * <p>{@code @Revision} is the revision of the snapshot shape (these fields): bump it whenever a field changes. A stored
 * snapshot of another revision, or one that does not read, is ignored ({@code SnapshotShapes}) and the aggregate is
 * rebuilt from its events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("3")
@Aggregate(snapshotTriggerDefinition = "programSnapshots", snapshotFilter = "programSnapshotFilter",
        cache = "aggregateCache")
class Program {

    enum Status { PROPOSED, APPROVED, REJECTED, RETIRED }

    @AggregateIdentifier
    private ProgramId programId;
    private PartnershipId partnershipId;
    private Status status;
    private int curriculumVersion;
    private List<CurriculumModule> modules = new ArrayList<>();
    private Set<String> kpiTargets = new HashSet<>();
    private Set<String> localizations = new HashSet<>();
    private Map<String, Integer> cohortParticipants = new HashMap<>();
    private Set<String> deliveredCohorts = new HashSet<>();
    private Map<String, Boolean> impactsWithdrawn = new HashMap<>();
    private boolean measurementPlanned;
    private Map<String, LocalizationState> localizationStates = new HashMap<>();
    private Map<String, Boolean> curationsRetired = new HashMap<>();
    private boolean xapiMapped;

    Program() {
        // for Axon: rebuilt from its events
    }

    /** Created by {@link ProgramProposals} once the partnership has been checked. */
    Program(ProposeProgram command) {
        apply(new ProgramProposed(command.programId(), command.partnershipId(), command.title().trim(),
                command.objectives(), command.audience(), command.kpiTargets(), command.modules(), 1));
    }

    /**
     * Checked before every command: the partnership must not have ended (a cross-aggregate rule, read from the
     * partnership registry in this transaction), a retired program only takes corrections, and the command may
     * name the version it was decided on.
     */
    @CommandHandlerInterceptor
    Object guard(CommandMessage<?> command, PartnershipStatus partnerships, InterceptorChain chain) throws Exception {
        if (partnerships.lookUp(partnershipId).map(PartnershipStatus.Known::ended).orElse(false)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNERSHIP_ENDED,
                    "The program's partnership has ended");
        }
        if (status == Status.RETIRED && !(command.getPayload() instanceof WithdrawImpact)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PROGRAM_RETIRED, "The program is retired");
        }
        ExpectedVersion.check(command.getPayload(), AggregateLifecycle.getVersion());
        return chain.proceed();
    }

    @CommandHandler
    long handle(CoCreateModule command) {
        assertGiven(command.title(), "title");
        ProgramRules.assertBothSidesNamed(command.clientSmes(), command.partnerDesigners());
        if (status != Status.PROPOSED) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CURRICULUM_LOCKED,
                    "The curriculum of an approved program changes only by a pivot");
        }
        apply(new ModuleCoCreated(programId, command.moduleId(), command.title().trim(), command.clientSmes(),
                command.partnerDesigners(), curriculumVersion));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ApproveProgram command, PartnershipStatus partnerships) {
        assertGiven(command.approvedBy(), "approvedBy");
        assertProposed("approved");
        PartnershipStatus.Known partnership = partnership(partnerships);
        List<Evidence> evidence = assertDecision(command, partnership);
        assertSteeringMember(command.approvedBy(), partnership);
        apply(new ProgramApproved(programId, command.approvedBy().trim(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RejectProgram command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        assertProposed("rejected");
        List<Evidence> evidence = assertDecision(command, partnership(partnerships));
        apply(new ProgramRejected(programId, command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(LocalizeProgram command) {
        assertGiven(command.region(), "region");
        assertGiven(command.language(), "language");
        ProgramRules.assertTimeZone(command.timeZone());
        assertApproved();
        if (localizations.contains(localizationKey(command.region(), command.language()))) {
            throw new LedgerRejection.RuleViolated(ProblemCode.ALREADY_LOCALIZED,
                    "The program is already localised for " + command.region() + " in " + command.language());
        }
        apply(new ProgramLocalized(programId, command.localizationId(), command.region().trim(),
                command.language().trim(), command.timeZone(), command.adaptations(), curriculumVersion));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ScheduleCohort command) {
        assertGiven(command.region(), "region");
        ProgramRules.assertPositive(command.participants(), "participants");
        if (command.startsOn() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "startsOn must be given");
        }
        assertApproved();
        apply(new CohortScheduled(programId, command.cohortId(), command.region().trim(), command.startsOn(),
                command.participants()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordCohortDelivery command) {
        Integer participants = cohortParticipants.get(command.cohortId());
        if (participants == null) {
            throw new LedgerRejection.NotFound(ProblemCode.COHORT_NOT_FOUND, "No such cohort: " + command.cohortId());
        }
        if (deliveredCohorts.contains(command.cohortId())) {
            throw new LedgerRejection.RuleViolated(ProblemCode.COHORT_ALREADY_DELIVERED,
                    "The cohort's delivery is recorded");
        }
        if (command.deliveredOn() == null || command.participantsCompleted() == null
                || command.participantsCompleted() < 0) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "deliveredOn and participantsCompleted (0 or more) must be given");
        }
        if (command.participantsCompleted() > participants) {
            throw new LedgerRejection.RuleViolated(ProblemCode.COMPLETIONS_EXCEED_PARTICIPANTS,
                    command.participantsCompleted() + " completions for " + participants + " participants");
        }
        assertGiven(command.facilitator(), "facilitator");
        apply(new CohortDelivered(programId, command.cohortId(), command.deliveredOn(),
                command.participantsCompleted(), command.facilitator().trim()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(PivotCurriculum command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        if (command.trigger() == null) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "trigger must be given");
        }
        assertGiven(command.approvedBy(), "approvedBy");
        assertApproved();
        List<CurriculumModule> next = Curriculum.pivot(modules, command.addModules(), command.removeModules());
        PartnershipStatus.Known partnership = partnership(partnerships);
        List<Evidence> evidence = assertDecision(command, partnership);
        assertSteeringMember(command.approvedBy(), partnership);
        apply(new CurriculumPivoted(programId, curriculumVersion, curriculumVersion + 1, command.reason(),
                command.trigger(), command.addModules(), command.removeModules(), command.approvedBy().trim(),
                command.effectiveFrom(), next, evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordImpact command, Clock clock) {
        ImpactRules.assertShape(command);
        if (!kpiTargets.contains(command.kpiId())) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_KPI,
                    "KPI " + command.kpiId() + " is not one of this program's targets " + kpiTargets);
        }
        if (command.cohortId() != null && !cohortParticipants.containsKey(command.cohortId())) {
            throw new LedgerRejection.NotFound(ProblemCode.COHORT_NOT_FOUND, "No such cohort: " + command.cohortId());
        }
        ProgramRules.assertPeriod(command.periodStart(), command.periodEnd(), LocalDate.now(clock));
        assertApproved();
        apply(new ImpactRecorded(programId, command.impactId(), command.level(), command.kpiId(), command.value(),
                command.unit().trim(), command.cohortId(), command.region(), command.periodStart(),
                command.periodEnd(), command.source(), command.evidence(), command.cost(), command.monetaryBenefit(),
                curriculumVersion));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawImpact command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        Boolean withdrawn = impactsWithdrawn.get(command.impactId());
        if (withdrawn == null) {
            throw new LedgerRejection.NotFound(ProblemCode.IMPACT_NOT_FOUND,
                    "No such impact record: " + command.impactId());
        }
        if (withdrawn) {
            throw new LedgerRejection.RuleViolated(ProblemCode.IMPACT_ALREADY_WITHDRAWN,
                    "The impact record is withdrawn");
        }
        List<Evidence> evidence = assertDecision(command, partnership(partnerships));
        apply(new ImpactWithdrawn(programId, command.impactId(), command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireProgram command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        List<Evidence> evidence = assertDecision(command, partnership(partnerships));
        apply(new ProgramRetired(programId, command.reason(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SetMeasurementPlan command, PartnershipStatus partnerships) {
        List<PlannedMeasure> plan = MeasurementPlans.assertPlan(command.levels());
        if (measurementPlanned) {
            assertReasonGiven(command.reason());
        }
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        assertOpen();
        PartnershipStatus.Known partnership = partnership(partnerships);
        List<String> unknown = MeasurementPlans.unknownKpis(plan, partnership.kpiIds());
        if (!unknown.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_KPI,
                    "Not KPIs of the partnership: " + unknown + " (it has " + partnership.kpiIds() + ")");
        }
        Decisions.assertDecisionRef(command.decisionRef(), partnership.reviewedPeriods());
        apply(new MeasurementPlanSet(programId, plan, measurementPlanned, evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ConfirmLocalization command, PartnershipStatus partnerships) {
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        LocalizationState localization = localization(command.localizationId());
        if (localization.coreVersion() >= curriculumVersion) {
            throw new LedgerRejection.RuleViolated(ProblemCode.LOCALIZATION_UP_TO_DATE,
                    "The localisation already adapts core version " + curriculumVersion);
        }
        Decisions.assertDecisionRef(command.decisionRef(), partnership(partnerships).reviewedPeriods());
        apply(new LocalizationConfirmed(programId, command.localizationId(), localization.region(),
                localization.language(), localization.coreVersion(), curriculumVersion, evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UpdateLocalization command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        ProgramRules.assertNamed(command.changes(), "changes");
        if (command.adaptations() != null && command.adaptations().stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "adaptations must not be blank");
        }
        if (command.timeZone() != null) {
            ProgramRules.assertTimeZone(command.timeZone());
        }
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        LocalizationState localization = localization(command.localizationId());
        Decisions.assertDecisionRef(command.decisionRef(), partnership(partnerships).reviewedPeriods());
        apply(new LocalizationUpdated(programId, command.localizationId(), localization.region(),
                localization.language(), command.timeZone() == null ? localization.timeZone() : command.timeZone(),
                command.adaptations() == null ? localization.adaptations()
                        : command.adaptations().stream().map(String::trim).toList(),
                command.changes().stream().map(String::trim).toList(), command.reason(), localization.coreVersion(),
                curriculumVersion, evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CurateContent command, PartnershipStatus partnerships) {
        Curations.assertShape(command);
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        assertOpen();
        if (command.moduleId() != null && modules.stream().noneMatch(m -> m.moduleId().equals(command.moduleId()))) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_MODULE,
                    "Not in the current curriculum: " + command.moduleId());
        }
        Decisions.assertDecisionRef(command.decisionRef(), partnership(partnerships).reviewedPeriods());
        apply(new ContentCurated(programId, command.curationId(), command.approach(), command.title().trim(),
                Curations.trimmed(command.uri()), Curations.trimmed(command.provider()),
                command.businessUnit().trim(), command.curator().trim(), command.gap().trim(), command.moduleId(),
                command.rationale().trim(), evidence, command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireCuration command, PartnershipStatus partnerships) {
        assertReasonGiven(command.reason());
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        Boolean retired = curationsRetired.get(command.curationId());
        if (retired == null) {
            throw new LedgerRejection.NotFound(ProblemCode.CURATION_NOT_FOUND,
                    "No such curation: " + command.curationId());
        }
        if (retired) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CURATION_ALREADY_RETIRED, "The curation is retired");
        }
        Decisions.assertDecisionRef(command.decisionRef(), partnership(partnerships).reviewedPeriods());
        apply(new CurationRetired(programId, command.curationId(), command.reason(), evidence,
                command.decisionRef()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SetXapiMapping command) {
        XapiMappings.assertShape(command);
        if (xapiMapped) {
            assertReasonGiven(command.reason());
        }
        assertOpen();
        List<String> unknown = XapiMappings.unknownKpis(command.rules(), kpiTargets);
        if (!unknown.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.UNKNOWN_KPI,
                    "Not KPI targets of the program: " + unknown + " (it has " + kpiTargets + ")");
        }
        apply(new XapiMappingSet(programId, command.activityIds(), command.contextActivityIds(), command.rules(),
                xapiMapped));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordCurationUse command) {
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        if (evidence.isEmpty()) {
            throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                    "evidence must name at least one learning record");
        }
        Boolean retired = curationsRetired.get(command.curationId());
        if (retired == null) {
            throw new LedgerRejection.NotFound(ProblemCode.CURATION_NOT_FOUND,
                    "No such curation: " + command.curationId());
        }
        if (retired) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CURATION_ALREADY_RETIRED, "The curation is retired");
        }
        assertOpen();
        apply(new CurationUseRecorded(programId, command.curationId(), evidence));
        return AggregateLifecycle.getVersion();
    }

    /** A plan or a curation belongs to a program being designed or delivered, not to a rejected one. */
    private void assertOpen() {
        if (status != Status.PROPOSED && status != Status.APPROVED) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PROGRAM_NOT_APPROVED,
                    "The program is " + status + ", not PROPOSED or APPROVED");
        }
    }

    private LocalizationState localization(String localizationId) {
        LocalizationState localization = localizationStates.get(localizationId);
        if (localization == null) {
            throw new LedgerRejection.NotFound(ProblemCode.LOCALIZATION_NOT_FOUND,
                    "No such localisation: " + localizationId);
        }
        return localization;
    }

    /** The program's partnership as the registry knows it (it exists: the guard found it not ended). */
    private PartnershipStatus.Known partnership(PartnershipStatus partnerships) {
        return partnerships.lookUp(partnershipId).orElseThrow(() -> new LedgerRejection.NotFound(
                ProblemCode.PARTNERSHIP_NOT_FOUND, "No such partnership: " + partnershipId));
    }

    /** Evidence a board can follow, and a decisionRef naming a review held in the program's partnership. */
    private static List<Evidence> assertDecision(DecisionCommand command, PartnershipStatus.Known partnership) {
        List<Evidence> evidence = Decisions.assertEvidence(command.evidence());
        Decisions.assertDecisionRef(command.decisionRef(), partnership.reviewedPeriods());
        return evidence;
    }

    /** Whoever approves must sit on the steering group of the partnership's charter. */
    private static void assertSteeringMember(String approvedBy, PartnershipStatus.Known partnership) {
        if (partnership.steeringMembers().isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.APPROVER_NOT_STEERING_MEMBER,
                    "approvedBy must name a steering member of the partnership's governance charter, and it has "
                            + "none: set a governance charter first");
        }
        Decisions.assertSteeringMember(approvedBy, partnership.steeringMembers());
    }

    private void assertApproved() {
        if (status != Status.APPROVED) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PROGRAM_NOT_APPROVED,
                    "The program is " + status + ", not APPROVED");
        }
    }

    private void assertProposed(String what) {
        if (status != Status.PROPOSED) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PROGRAM_NOT_PROPOSED,
                    "Only a proposed program can be " + what + "; this one is " + status);
        }
    }

    private static String localizationKey(String region, String language) {
        return region.trim().toLowerCase() + "|" + language.trim().toLowerCase();
    }

    @EventSourcingHandler
    void on(ProgramProposed event) {
        programId = event.programId();
        partnershipId = event.partnershipId();
        status = Status.PROPOSED;
        curriculumVersion = event.curriculumVersion();
        modules = new ArrayList<>(event.modules());
        kpiTargets = new HashSet<>(event.kpiTargets());
    }

    @EventSourcingHandler
    void on(ModuleCoCreated event) {
        modules.add(new CurriculumModule(event.moduleId(), event.title()));
    }

    @EventSourcingHandler
    void on(ProgramApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(ProgramRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(ProgramLocalized event) {
        localizations.add(localizationKey(event.region(), event.language()));
        // a localisation stored before it named its core version adapts the version in force when it was made
        localizationStates.put(event.localizationId(), new LocalizationState(event.region(), event.language(),
                event.timeZone(), event.adaptations(),
                event.coreVersion() == null ? curriculumVersion : event.coreVersion()));
    }

    @EventSourcingHandler
    void on(LocalizationConfirmed event) {
        localizationStates.computeIfPresent(event.localizationId(), (id, l) -> new LocalizationState(l.region(),
                l.language(), l.timeZone(), l.adaptations(), event.coreVersion()));
    }

    @EventSourcingHandler
    void on(LocalizationUpdated event) {
        localizationStates.computeIfPresent(event.localizationId(), (id, l) -> new LocalizationState(l.region(),
                l.language(), event.timeZone(), event.adaptations(), event.coreVersion()));
    }

    @EventSourcingHandler
    void on(MeasurementPlanSet event) {
        measurementPlanned = true;
    }

    @EventSourcingHandler
    void on(XapiMappingSet event) {
        xapiMapped = true;
    }

    @EventSourcingHandler
    void on(ContentCurated event) {
        curationsRetired.put(event.curationId(), false);
    }

    @EventSourcingHandler
    void on(CurationRetired event) {
        curationsRetired.put(event.curationId(), true);
    }

    @EventSourcingHandler
    void on(CohortScheduled event) {
        cohortParticipants.put(event.cohortId(), event.participants());
    }

    @EventSourcingHandler
    void on(CohortDelivered event) {
        deliveredCohorts.add(event.cohortId());
    }

    @EventSourcingHandler
    void on(CurriculumPivoted event) {
        curriculumVersion = event.toVersion();
        modules = new ArrayList<>(event.modules());
    }

    @EventSourcingHandler
    void on(ImpactRecorded event) {
        impactsWithdrawn.put(event.impactId(), false);
    }

    @EventSourcingHandler
    void on(ImpactWithdrawn event) {
        impactsWithdrawn.put(event.impactId(), true);
    }

    @EventSourcingHandler
    void on(ProgramRetired event) {
        status = Status.RETIRED;
    }
}
