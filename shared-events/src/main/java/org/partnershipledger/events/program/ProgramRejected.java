package org.partnershipledger.events.program;

import org.axonframework.serialization.Revision;

/** The program was rejected, with its reason. */
@Revision("1")
public record ProgramRejected(ProgramId programId, String reason) implements ProgramEvent {
}
