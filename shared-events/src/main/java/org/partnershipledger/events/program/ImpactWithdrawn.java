package org.partnershipledger.events.program;

import org.axonframework.serialization.Revision;

/** An impact record was withdrawn (corrections never delete), with the reason. */
@Revision("1")
public record ImpactWithdrawn(ProgramId programId, String impactId, String reason) implements ProgramEvent {
}
