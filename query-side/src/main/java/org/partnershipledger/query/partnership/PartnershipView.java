package org.partnershipledger.query.partnership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.platform.events.EvidenceText;

/**
 * What the governance board sees of a partnership, folded from its events. The same fold serves the stored
 * read model and time travel ({@code ?asOf=}), so both always have the same shape and meaning.
 */
public class PartnershipView {

    public String partnershipId;
    public String name;
    public String client;
    public Stage stage;
    public String vision;
    public List<Kpi> kpis = new ArrayList<>();
    public List<Partner> partners = new ArrayList<>();
    public Charter governanceCharter;
    public List<Review> businessReviews = new ArrayList<>();
    public CostSharing costSharing;
    public List<Concern> concerns = new ArrayList<>();
    /** Per partner reviewed, the trend of its partner reviews. */
    public List<PartnerTrend> partnerReviews = new ArrayList<>();
    public AgreementView agreement;
    public ScopeView scope = new ScopeView();
    /** Per business unit of the current cost split: share, budget, acceptance, spend and variance. */
    public List<BudgetLine> budget = new ArrayList<>();
    public List<Spend> spend = new ArrayList<>();
    public String endReason;
    /** When it ended; from then on the view is read as of that instant (nothing can be closed or renewed after). */
    public Instant endedAt;
    public Instant openedAt;
    public Instant lastChange;
    public long version = -1;

    /** A candidate's latest assessment on one criterion: its score, the references it rests on, and notes. */
    public record Assessment(int score, List<Evidence> evidence, String notes, Instant assessedAt) {

        public Assessment {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /**
         * Also reads an assessment stored in a view before evidence was typed (its evidence was text), the way the
         * event it came from is now read: a web address is one DOCUMENT reference, other text is notes.
         */
        @JsonCreator
        static Assessment stored(@JsonProperty("score") int score, @JsonProperty("evidence") JsonNode evidence,
                                 @JsonProperty("notes") String notes, @JsonProperty("assessedAt") Instant assessedAt) {
            if (evidence != null && evidence.isTextual()) {
                String text = evidence.textValue();
                return EvidenceText.isDocumentUri(text)
                        ? new Assessment(score, List.of(new Evidence(EvidenceType.DOCUMENT, text.trim(), null)), null,
                        assessedAt)
                        : new Assessment(score, List.of(), text, assessedAt);
            }
            List<Evidence> references = new ArrayList<>();
            if (evidence != null && evidence.isArray()) {
                evidence.forEach(item -> references.add(new Evidence(
                        item.hasNonNull("type") ? EvidenceType.valueOf(item.get("type").asText()) : null,
                        item.path("ref").textValue(), item.path("title").textValue())));
            }
            return new Assessment(score, references, notes, assessedAt);
        }
    }

    /** A candidate: {@code CANDIDATE}, {@code SELECTED}, {@code DECLINED} or {@code OFFBOARDED} (the last two with why and when). */
    public static class Partner {
        public String partnerId;
        public String organizationId;
        public String name;
        public PartnerRole role;
        public String status = "CANDIDATE";
        public Map<DueDiligenceCriterion, Assessment> dueDiligence = new LinkedHashMap<>();
        public String selectionReason;
        public String departureReason;
        public Instant departedAt;
        /** The partnership's version at the decline or offboarding. */
        public Long departureVersion;

        public boolean wasSelected() {
            return status.equals("SELECTED") || status.equals("OFFBOARDED");
        }

        public boolean hasLeft() {
            return departureVersion != null;
        }
    }

    public record Charter(GovernanceCadence cadence, List<String> steeringMembers, Instant setAt) {
    }

    /** A business review held, with the actions it took as the board tracks them. */
    public record Review(String period, List<String> attendees, List<String> decisions, List<ActionItem> actions,
                         Instant heldAt) {
    }

    public record Spend(String spendId, String businessUnit, String currency, BigDecimal amount, String period,
                        String description, List<Evidence> evidence, String decisionRef, Instant recordedAt) {
    }

    public record CostSharing(String currency, BigDecimal totalBudget, List<CostShare> shares, String reason,
                              Instant agreedAt) {
    }

    public static class Concern {
        public String concernId;
        public Side raisedBy;
        /** The partner organisation that raised it or that it is about; none for a concern about no one partner. */
        public String partnerOrganizationId;
        public String subject;
        public String description;
        public Instant raisedAt;
        public String status = "OPEN";
        public String resolution;
        public Instant resolvedAt;
    }

    /** Applies one event of this partnership; events arrive in sequence order. */
    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof PartnershipOpened e) {
            partnershipId = e.partnershipId().value();
            name = e.name();
            client = e.client();
            vision = e.vision();
            kpis = new ArrayList<>(e.kpis());
            stage = Stage.SELECTION;
            openedAt = at;
        } else if (event instanceof CandidateShortlisted e) {
            Partner partner = new Partner();
            partner.partnerId = e.partnerId();
            partner.organizationId = e.organizationId();
            partner.name = e.name();
            partner.role = e.role();
            partners.add(partner);
        } else if (event instanceof DueDiligenceAssessed e) {
            partner(e.partnerId()).dueDiligence.put(e.criterion(),
                    new Assessment(e.score(), e.evidence(), e.notes(), at));
        } else if (event instanceof PartnerSelected e) {
            Partner partner = partner(e.partnerId());
            partner.status = "SELECTED";
            partner.selectionReason = e.reason();
        } else if (event instanceof CandidateDeclined e) {
            depart(partner(e.partnerId()), "DECLINED", e.reason(), sequence, at);
        } else if (event instanceof PartnerOffboarded e) {
            depart(partner(e.partnerId()), "OFFBOARDED", e.reason(), sequence, at);
        } else if (event instanceof StrategyRealigned e) {
            vision = e.vision();
            kpis = new ArrayList<>(e.kpis());
        } else if (event instanceof OnboardingStarted) {
            stage = Stage.ONBOARDING;
        } else if (event instanceof OnboardingCompleted) {
            stage = Stage.DELIVERY;
        } else if (event instanceof GovernanceCharterSet e) {
            governanceCharter = new Charter(e.cadence(), e.steeringMembers(), at);
        } else if (event instanceof BusinessReviewHeld e) {
            businessReviews.add(new Review(e.period(), e.attendees(), e.decisions(),
                    e.actions().stream().map(action -> ActionItem.of(e.period(), action)).toList(), at));
            stage = stage.afterBusinessReview();
        } else if (event instanceof CostSharingAgreed e) {
            costSharing = new CostSharing(e.currency(), e.totalBudget(), e.shares(), e.reason(), at);
            budget = new ArrayList<>(e.shares().stream()
                    .map(share -> BudgetLine.of(share.businessUnit(), share.percent(), e.totalBudget())).toList());
            spend.forEach(spent -> budgetLine(spent.businessUnit()).ifPresent(line -> line.spend(spent.amount())));
        } else if (event instanceof ConcernRaised e) {
            Concern concern = new Concern();
            concern.concernId = e.concernId();
            concern.raisedBy = e.raisedBy();
            concern.partnerOrganizationId = e.partnerOrganizationId();
            concern.subject = e.subject();
            concern.description = e.description();
            concern.raisedAt = at;
            concerns.add(concern);
        } else if (event instanceof ConcernResolved e) {
            concerns.stream().filter(c -> c.concernId.equals(e.concernId())).findFirst().ifPresent(concern -> {
                concern.status = "RESOLVED";
                concern.resolution = e.resolution();
                concern.resolvedAt = at;
            });
        } else if (event instanceof PartnershipEnded e) {
            stage = Stage.ENDED;
            endReason = e.reason();
            endedAt = at;
        } else {
            applyLifecycle(event, at);
        }
        // an event this view does not show still moves its version
        version = sequence;
        lastChange = at;
    }

    /** Review actions, partner reviews, the agreement and its scope, acceptances and spend. */
    private void applyLifecycle(Object event, Instant at) {
        if (event instanceof ReviewActionCompleted e) {
            action(e.actionId()).ifPresent(action -> action.close("DONE", e.note(), null, e.evidence(),
                    e.decisionRef(), at));
        } else if (event instanceof ReviewActionDropped e) {
            action(e.actionId()).ifPresent(action -> action.close("DROPPED", null, e.reason(), e.evidence(),
                    e.decisionRef(), at));
        } else if (event instanceof PartnerReviewRecorded e) {
            PartnerTrend trend = partnerReviews.stream().filter(t -> t.partnerId.equals(e.partnerId())).findFirst()
                    .orElseGet(() -> {
                        PartnerTrend added = new PartnerTrend();
                        added.partnerId = e.partnerId();
                        added.organizationId = e.organizationId();
                        added.name = partner(e.partnerId()).name;
                        partnerReviews.add(added);
                        return added;
                    });
            trend.add(e, at);
        } else if (event instanceof AgreementSigned e) {
            agreement = new AgreementView();
            agreement.termStart = e.termStart();
            agreement.termEnd = e.termEnd();
            agreement.renewalDate = e.renewalDate();
            agreement.evidence = e.evidence();
            agreement.decisionRef = e.decisionRef();
            agreement.signedAt = at;
        } else if (event instanceof AgreementRenewed e) {
            agreement.renewals.add(new AgreementView.Renewal(agreement.termEnd, e.termEnd(), e.renewalDate(),
                    e.reason(), e.evidence(), e.decisionRef(), at));
            agreement.termEnd = e.termEnd();
            agreement.renewalDate = e.renewalDate();
        } else if (event instanceof AgreementNotRenewed e) {
            agreement.notRenewedReason = e.reason();
            agreement.notRenewedAt = at;
        } else if (event instanceof ScopeExtended e) {
            scope.regions.addAll(e.regions());
            scope.programs.addAll(e.programs());
            scope.history.add(new ScopeView.Extension(e.regions(), e.programs(), e.reason(), e.evidence(),
                    e.decisionRef(), at));
        } else if (event instanceof CostShareAccepted e) {
            budgetLine(e.businessUnit()).ifPresent(line -> {
                line.acceptedBy = e.acceptedBy();
                line.acceptedAt = at;
            });
        } else if (event instanceof SpendRecorded e) {
            spend.add(new Spend(e.spendId(), e.businessUnit(), e.currency(), e.amount(), e.period(), e.description(),
                    e.evidence(), e.decisionRef(), at));
            budgetLine(e.businessUnit()).ifPresent(line -> line.spend(e.amount()));
        }
    }

    /**
     * This view as of {@code today}: which open actions are overdue and where the agreement stands. Neither is
     * stored, so a stored view never goes stale; call it on a view about to be shown. An ended partnership is read
     * as of its end: an action overdue then stays so, one due later never becomes overdue (nothing can close it),
     * and its agreement is ENDED (or EXPIRED, if its term was over by then).
     */
    public PartnershipView asOf(LocalDate today) {
        Instant endOfToday = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant cut = endedAt != null && endedAt.isBefore(endOfToday) ? endedAt : endOfToday;
        LocalDate day = endedAt != null && endedAt.isBefore(endOfToday)
                ? LocalDate.ofInstant(endedAt, ZoneOffset.UTC) : today;
        actions().forEach(action -> action.overdue = "OPEN".equals(action.status) && action.overdueAt(day, cut));
        if (agreement != null) {
            String status = agreement.statusOn(day);
            agreement.status = cut == endedAt && !"EXPIRED".equals(status) ? "ENDED" : status;
        }
        return this;
    }

    /** Every action of every review, in the order they were taken. */
    public List<ActionItem> actions() {
        return businessReviews.stream().flatMap(review -> review.actions().stream()).toList();
    }

    private Optional<ActionItem> action(String actionId) {
        return actions().stream().filter(action -> action.actionId.equals(actionId)).findFirst();
    }

    private Optional<BudgetLine> budgetLine(String businessUnit) {
        return budget.stream().filter(line -> line.businessUnit.equalsIgnoreCase(businessUnit)).findFirst();
    }

    public List<String> selectedOrganizations() {
        return partners.stream().filter(p -> p.status.equals("SELECTED")).map(p -> p.organizationId).toList();
    }

    private static void depart(Partner partner, String status, String reason, long sequence, Instant at) {
        partner.status = status;
        partner.departureReason = reason;
        partner.departedAt = at;
        partner.departureVersion = sequence;
    }

    private Partner partner(String partnerId) {
        return partners.stream().filter(p -> p.partnerId.equals(partnerId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown partner " + partnerId + " in " + partnershipId));
    }
}
