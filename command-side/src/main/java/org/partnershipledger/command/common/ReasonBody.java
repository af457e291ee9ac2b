package org.partnershipledger.command.common;

import jakarta.validation.constraints.Size;

/**
 * The body of a change of direction that carries nothing but its reason. A blank reason is refused by the
 * aggregate with REASON_REQUIRED, like every other missing reason.
 */
public record ReasonBody(@Size(max = 2000) String reason) {
}
