package org.partnershipledger.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.decision.ReviewDecisions;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.http.AnswersAtPosition;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.ReadConsistency;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Which decisions did the Q3 review take, and what did each change?": a partnership's business reviews, and for
 * one review every decision of the partnership or its programs that named it as its decisionRef. A partner reads
 * no reviews, as in the partnership and its governance pack: it gets an empty list, and a review is not found.
 */
@RestController
@AnswersAtPosition
@RequestMapping(path = "/api/partnerships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Governance")
class ReviewController {

    private final ReviewDecisions reviews;
    private final PartnershipViews partnerships;
    private final TimeTravel timeTravel;
    private final EventLog log;
    private final PartnerScope scope;
    private final ReadConsistency consistency;

    ReviewController(ReviewDecisions reviews, PartnershipViews partnerships, TimeTravel timeTravel, EventLog log,
                     PartnerScope scope, ReadConsistency consistency) {
        this.reviews = reviews;
        this.partnerships = partnerships;
        this.timeTravel = timeTravel;
        this.log = log;
        this.scope = scope;
        this.consistency = consistency;
    }

    record Reviews(String partnershipId, List<ReviewDecisions.BusinessReview> reviews) {
    }

    /** The review, then the decisions that named it, in the order they were recorded, each with its sentence. */
    record DecisionsOfReview(String partnershipId, ReviewDecisions.BusinessReview review,
                             List<LoggedEvent> decisions) {
    }

    @GetMapping("/{id}/reviews")
    @Operation(operationId = "listBusinessReviews", summary = "The partnership's business reviews: period, when and "
            + "by whom recorded, attendees, the decisions of its minutes, and how many ledger decisions name it. "
            + "?asOf=<instant> answers as it was then.")
    @Rejects(ProblemCode.PARTNERSHIP_NOT_FOUND)
    ResponseEntity<Reviews> reviews(@PathVariable String id, @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (!readsReviews(id, asOf)) {
            return consistency.ok(new Reviews(id, List.of()), ReviewDecisions.READ_MODEL);
        }
        return consistency.ok(new Reviews(id, reviews.reviews(id, asOf)), ReviewDecisions.READ_MODEL);
    }

    @GetMapping("/{id}/reviews/{period}/decisions")
    @Operation(operationId = "getReviewDecisions", summary = "Which decisions a business review took, and what each "
            + "changed: the review, then every event of the partnership or its programs that named it as decisionRef "
            + "(type, aggregate, when, who, reason, evidence, summary). ?asOf=<instant> answers as it was then.")
    @Rejects({ProblemCode.PARTNERSHIP_NOT_FOUND, ProblemCode.REVIEW_NOT_FOUND})
    ResponseEntity<DecisionsOfReview> decisions(@PathVariable String id, @PathVariable String period,
                                                @RequestParam(required = false)
                                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        NotFound noReview = new NotFound(ProblemCode.REVIEW_NOT_FOUND,
                "No business review for " + period + " in partnership " + id);
        if (!readsReviews(id, asOf)) {
            throw noReview;
        }
        ReviewDecisions.BusinessReview review = reviews.review(id, period, asOf).orElseThrow(() -> noReview);
        return consistency.ok(new DecisionsOfReview(id, review, reviews.decisions(id, period, asOf)),
                ReviewDecisions.READ_MODEL);
    }

    /**
     * Whether the caller reads this partnership's reviews: 404 when it may not see the partnership (or it did not
     * exist at {@code asOf}), false for a partner, which sees the partnership but none of its reviews.
     */
    private boolean readsReviews(String id, Instant asOf) {
        scope.assertMaySee(id);
        boolean exists = asOf == null ? partnerships.find(id).isPresent()
                : timeTravel.partnership(id, asOf).isPresent();
        if (!exists) {
            throw NotFound.partnership(id);
        }
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isPresent()) {
            partner.get().standingIn(log.partnershipEntries(id)).orElseThrow(() -> NotFound.partnership(id));
            return false;
        }
        return true;
    }
}
