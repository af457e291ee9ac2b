package org.partnershipledger.events.program;

import org.axonframework.serialization.Revision;

/** The program was retired, with its reason. */
@Revision("1")
public record ProgramRetired(ProgramId programId, String reason) implements ProgramEvent {
}
