package org.partnershipledger.events.partnership;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;

/**
 * A commitment taken at a business review (mutual accountability): which side owns it, who, and by when. Its id is
 * the review's period and its place in the review ({@code 2026-Q3-2}). Actions stored before they were tracked
 * (revision 1 of {@link BusinessReviewHeld}) have only a description.
 */
public record ReviewAction(String actionId, String description, Side ownerSide, String owner, LocalDate dueDate) {

    /**
     * An action stored as revision 1 held its description only. The event store upcasts it with its number; a copy
     * of the stored JSON read without the upcaster (the event log's, written before) still reads, unnumbered.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReviewAction described(String description) {
        return new ReviewAction(null, description, null, null, null);
    }
}
