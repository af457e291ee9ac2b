package org.partnershipledger.events.program;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A cohort's delivery was recorded. */
@Revision("1")
public record CohortDelivered(ProgramId programId, String cohortId, LocalDate deliveredOn,
                              int participantsCompleted, String facilitator) implements ProgramEvent {
}
