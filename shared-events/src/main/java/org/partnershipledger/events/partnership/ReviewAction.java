package org.partnershipledger.events.partnership;

import java.time.LocalDate;

/**
 * A commitment taken at a business review (mutual accountability): which side owns it, who, and by when. Its id is
 * the review's period and its place in the review ({@code 2026-Q3-2}). Actions stored before they were tracked
 * (revision 1 of {@link BusinessReviewHeld}) have only a description.
 */
public record ReviewAction(String actionId, String description, Side ownerSide, String owner, LocalDate dueDate) {
}
