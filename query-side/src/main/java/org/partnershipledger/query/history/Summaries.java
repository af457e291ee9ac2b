package org.partnershipledger.query.history;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.*;

/**
 * One human sentence per event, for the board: what happened, and why where a reason was given. Written from the
 * event classes themselves, so renaming an event or a field breaks the build here, not the sentences.
 */
final class Summaries {

    private Summaries() {
    }

    /** The sentence for {@code event}; an event this version does not know (null) is named by its type. */
    static String of(Object event, String type, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        if (event instanceof PartnershipEvent partnershipEvent) {
            return of(partnershipEvent, why);
        }
        if (event instanceof ProgramEvent programEvent) {
            return of(programEvent, why);
        }
        return type + why;
    }

    private static String of(PartnershipEvent event, String why) {
        if (event instanceof PartnershipOpened e) {
            return "Partnership \"" + t(e.name()) + "\" opened with " + t(e.client()) + why;
        } else if (event instanceof CandidateShortlisted e) {
            return t(e.name()) + " (" + t(e.organizationId()) + ", " + t(e.role()) + ") shortlisted";
        } else if (event instanceof DueDiligenceAssessed e) {
            return "Due diligence on " + t(e.criterion()) + " scored " + e.score() + "/5 (evidence: "
                    + list(e.evidence().stream().map(Summaries::reference).toList())
                    + (e.notes() == null ? "" : "; notes: " + e.notes()) + ")";
        } else if (event instanceof PartnerSelected e) {
            return "Partner " + t(e.organizationId()) + " selected" + why;
        } else if (event instanceof CandidateDeclined e) {
            return "Candidate " + t(e.organizationId()) + " declined" + why;
        } else if (event instanceof PartnerOffboarded e) {
            return "Partner " + t(e.organizationId()) + " offboarded" + why;
        } else if (event instanceof StrategyRealigned e) {
            return "Strategy re-aligned to \"" + t(e.vision()) + "\"" + why;
        } else if (event instanceof OnboardingStarted) {
            return "Onboarding started";
        } else if (event instanceof OnboardingCompleted e) {
            return "Onboarding completed: " + t(e.summary());
        } else if (event instanceof GovernanceCharterSet e) {
            return "Governance charter set: " + t(e.cadence()) + " reviews, steering " + list(e.steeringMembers());
        } else if (event instanceof BusinessReviewHeld e) {
            return "Business review " + t(e.period()) + " held with " + list(e.attendees()) + "; decisions: "
                    + list(e.decisions());
        } else if (event instanceof CostSharingAgreed e) {
            return "Cost sharing of " + t(e.totalBudget()) + " " + t(e.currency()) + " agreed: "
                    + e.shares().stream().map(share -> share.businessUnit() + " " + t(share.percent()) + "%")
                    .collect(Collectors.joining(", ")) + why;
        } else if (event instanceof ConcernRaised e) {
            return "Concern raised by " + t(e.raisedBy())
                    + (e.partnerOrganizationId() == null ? "" : " (" + e.partnerOrganizationId() + ")") + ": "
                    + t(e.subject());
        } else if (event instanceof ConcernResolved e) {
            return "Concern resolved: " + t(e.resolution());
        } else if (event instanceof PartnershipEnded) {
            return "Partnership ended" + why;
        }
        return ofLifecycle(event, why);
    }

    private static String ofLifecycle(PartnershipEvent event, String why) {
        if (event instanceof ReviewActionCompleted e) {
            return "Review action " + t(e.actionId()) + " done" + (e.note() == null ? "" : ": " + e.note());
        } else if (event instanceof ReviewActionDropped e) {
            return "Review action " + t(e.actionId()) + " dropped" + why;
        } else if (event instanceof PartnerReviewRecorded e) {
            return "Partner " + t(e.organizationId()) + " reviewed for " + t(e.period()) + ": quality " + e.quality()
                    + ", on-time delivery " + e.onTimeDelivery() + ", budget " + e.budget()
                    + ", facilitation " + e.facilitationQuality() + " (of 5)";
        } else if (event instanceof AgreementSigned e) {
            return "Agreement signed for " + t(e.termStart()) + " to " + t(e.termEnd()) + ", renewal by "
                    + t(e.renewalDate());
        } else if (event instanceof AgreementRenewed e) {
            return "Agreement renewed to " + t(e.termEnd()) + ", next renewal by " + t(e.renewalDate()) + why;
        } else if (event instanceof AgreementNotRenewed) {
            return "Agreement not renewed" + why;
        } else if (event instanceof ScopeExtended e) {
            return "Scope extended to " + list(concat(e.regions(), e.programs())) + why;
        } else if (event instanceof CostShareAccepted e) {
            return t(e.businessUnit()) + " accepted its cost share (" + t(e.acceptedBy()) + ")";
        } else if (event instanceof SpendRecorded e) {
            return t(e.businessUnit()) + " spent " + t(e.amount()) + " " + t(e.currency()) + " in " + t(e.period())
                    + ": " + t(e.description());
        }
        return event.getClass().getSimpleName() + why;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String of(ProgramEvent event, String why) {
        if (event instanceof ProgramProposed e) {
            return "Program \"" + t(e.title()) + "\" proposed (curriculum v" + e.curriculumVersion() + ")" + why;
        } else if (event instanceof ModuleCoCreated e) {
            return "Module \"" + t(e.title()) + "\" co-created by " + list(e.clientSmes()) + " and "
                    + list(e.partnerDesigners());
        } else if (event instanceof ProgramApproved e) {
            return "Program approved by " + t(e.approvedBy());
        } else if (event instanceof ProgramRejected) {
            return "Program rejected" + why;
        } else if (event instanceof ProgramLocalized e) {
            return "Program localised for " + t(e.region()) + " (" + t(e.language()) + ")";
        } else if (event instanceof CohortScheduled e) {
            return "Cohort of " + e.participants() + " scheduled in " + t(e.region()) + " from " + t(e.startsOn());
        } else if (event instanceof CohortDelivered e) {
            return "Cohort delivered on " + t(e.deliveredOn()) + ": " + e.participantsCompleted()
                    + " completed, facilitated by " + t(e.facilitator());
        } else if (event instanceof CurriculumPivoted e) {
            return "Curriculum pivoted v" + e.fromVersion() + "→v" + e.toVersion() + " (" + t(e.trigger()) + "): "
                    + t(e.reason()) + ", approved by " + t(e.approvedBy());
        } else if (event instanceof ImpactRecorded e) {
            return "Impact recorded: level " + e.level() + " " + t(e.kpiId()) + " = " + t(e.value()) + " "
                    + t(e.unit()) + " (" + t(e.periodStart()) + " to " + t(e.periodEnd()) + ", " + t(e.source())
                    + ")";
        } else if (event instanceof ImpactWithdrawn) {
            return "Impact record withdrawn" + why;
        } else if (event instanceof ProgramRetired) {
            return "Program retired" + why;
        } else if (event instanceof MeasurementPlanSet e) {
            return "Measurement plan " + (e.replaced() ? "replaced" : "set") + ": " + e.levels().stream()
                    .map(m -> "L" + m.level() + " " + t(m.metric()) + " (" + t(m.source()) + ", " + t(m.cadence()) + ")")
                    .collect(Collectors.joining("; ")) + why;
        } else if (event instanceof LocalizationConfirmed e) {
            return "Localisation " + t(e.region()) + " (" + t(e.language()) + ") re-confirmed against core v"
                    + e.coreVersion() + " (was v" + e.fromCoreVersion() + ")" + why;
        } else if (event instanceof LocalizationUpdated e) {
            return "Localisation " + t(e.region()) + " (" + t(e.language()) + ") updated for core v" + e.coreVersion()
                    + ": " + list(e.changes()) + why;
        } else if (event instanceof ContentCurated e) {
            return t(e.businessUnit()) + " curated \"" + t(e.title()) + "\" (" + t(e.approach())
                    + (e.provider() == null ? "" : ", " + e.provider()) + ") for " + t(e.gap()) + ": "
                    + t(e.rationale());
        } else if (event instanceof CurationRetired) {
            return "Curation retired" + why;
        } else if (event instanceof CurationUseRecorded e) {
            return e.evidence().size() + " learning record(s) show curation " + t(e.curationId()) + " in use";
        } else if (event instanceof XapiMappingSet e) {
            return "Learning records (xAPI) " + (e.replaced() ? "re-mapped" : "mapped") + ": " + e.rules().stream()
                    .map(r -> t(r.verb()) + " -> L" + r.level() + " " + t(r.kpiId()) + " (" + t(r.measure()) + ")")
                    .collect(Collectors.joining("; ")) + why;
        }
        return event.getClass().getSimpleName() + why;
    }

    private static String t(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "-" : value.toString();
    }

    /** A reference as people name it: its title, else the reference itself. */
    private static String reference(Evidence evidence) {
        return evidence.title() != null && !evidence.title().isBlank() ? evidence.title() : t(evidence.ref());
    }

    private static String list(List<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(", ", values);
    }
}
