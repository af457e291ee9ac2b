package org.partnershipledger.command.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.partnershipledger.events.common.Evidence;

/**
 * A command that takes a decision: besides its reason, it may name what it rests on ({@code evidence}, checked by
 * {@link Decisions#assertEvidence}) and the business review that took it ({@code decisionRef}, the review's period,
 * checked by {@link Decisions#assertDecisionRef}). Both are optional and travel into the event.
 */
public interface DecisionCommand extends ReasonedCommand {

    List<Evidence> evidence();

    String decisionRef();

    /**
     * The evidence as given, unmodifiable, none for null. Items that are null stay, for the aggregate to refuse with
     * EVIDENCE_INVALID (a copy by {@code List.copyOf} would throw before any rule is asked).
     */
    static List<Evidence> given(List<Evidence> evidence) {
        return evidence == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(evidence));
    }
}
