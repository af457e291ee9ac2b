package org.partnershipledger.events.program;

import org.axonframework.serialization.Revision;

/** The program was approved for delivery. */
@Revision("1")
public record ProgramApproved(ProgramId programId, String approvedBy) implements ProgramEvent {
}
