package org.partnershipledger.command.common;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnershipledger.events.common.Evidence;

/**
 * The body of a decision that carries nothing but why: its reason (a blank one is refused by the aggregate with
 * REASON_REQUIRED where the decision needs one), and optionally the evidence it rests on and the business review
 * that took it ({@code decisionRef}, the review's period such as {@code 2026-Q3}).
 */
public record DecisionBody(@Size(max = 2000) String reason, List<Evidence> evidence,
                           @Size(max = 100) String decisionRef) {
}
