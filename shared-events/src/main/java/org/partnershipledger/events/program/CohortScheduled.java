package org.partnershipledger.events.program;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A run of the program was scheduled for a group in a region. */
@Revision("1")
public record CohortScheduled(ProgramId programId, String cohortId, String region, LocalDate startsOn,
                              int participants) implements ProgramEvent {
}
