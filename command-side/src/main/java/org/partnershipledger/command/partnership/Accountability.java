package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.PartnerReviewRecorded;
import org.partnershipledger.events.partnership.ReviewAction;
import org.partnershipledger.events.partnership.ReviewActionCompleted;
import org.partnershipledger.events.partnership.ReviewActionDropped;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * Mutual accountability inside a partnership: the actions its business reviews took, each open until done or
 * dropped, and the partner reviews recorded (one per partner and period).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Accountability {

    /** Each action by its id: whether it is closed (done or dropped). */
    private Map<String, Boolean> actionsClosed = new HashMap<>();
    /** {@code <partnerId> <period>} of every partner review. */
    private Set<String> partnerReviews = new HashSet<>();

    /** The review's actions as tracked items, numbered {@code <period>-1}, {@code <period>-2} … in their order. */
    static List<ReviewAction> numbered(String period, List<HoldBusinessReview.Action> actions) {
        List<ReviewAction> numbered = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            HoldBusinessReview.Action action = actions.get(i);
            if (action == null || blank(action.description()) || action.ownerSide() == null || blank(action.owner())
                    || action.dueDate() == null) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED, "actions[" + i
                        + "] needs a description, an ownerSide (CLIENT or PARTNER), an owner and a dueDate");
            }
            numbered.add(new ReviewAction(period + "-" + (i + 1), action.description().trim(), action.ownerSide(),
                    action.owner().trim(), action.dueDate()));
        }
        return numbered;
    }

    /** An action that exists and is still open. */
    void assertOpen(String actionId) {
        Boolean closed = actionsClosed.get(actionId);
        if (closed == null) {
            throw new LedgerRejection.NotFound(ProblemCode.REVIEW_ACTION_NOT_FOUND,
                    "No such review action: " + actionId);
        }
        if (closed) {
            throw new LedgerRejection.RuleViolated(ProblemCode.REVIEW_ACTION_CLOSED,
                    "Review action " + actionId + " is already completed or dropped");
        }
    }

    void assertNotReviewed(String partnerId, String period) {
        if (partnerReviews.contains(partnerId + " " + period)) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNER_REVIEW_ALREADY_RECORDED,
                    "This partner was already reviewed for " + period);
        }
    }

    /** Each score is 1 to 5. */
    static void assertScores(Integer... scores) {
        for (Integer score : scores) {
            if (score == null || score < 1 || score > 5) {
                throw new LedgerRejection.Invalid(ProblemCode.VALIDATION_FAILED,
                        "quality, onTimeDelivery, budget and facilitationQuality are each scored 1 to 5");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(BusinessReviewHeld event) {
        event.actions().forEach(action -> actionsClosed.put(action.actionId(), false));
    }

    @EventSourcingHandler
    void on(ReviewActionCompleted event) {
        actionsClosed.put(event.actionId(), true);
    }

    @EventSourcingHandler
    void on(ReviewActionDropped event) {
        actionsClosed.put(event.actionId(), true);
    }

    @EventSourcingHandler
    void on(PartnerReviewRecorded event) {
        partnerReviews.add(event.partnerId() + " " + event.period());
    }
}
