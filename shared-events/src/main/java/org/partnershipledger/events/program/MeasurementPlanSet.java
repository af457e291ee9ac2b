package org.partnershipledger.events.program;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * The program's measurement plan, whole: it replaces any earlier plan ({@code replaced} says whether there was
 * one). One entry per Kirkpatrick level planned, in level order.
 */
@Revision("1")
public record MeasurementPlanSet(ProgramId programId, List<PlannedMeasure> levels, boolean replaced,
                                 List<Evidence> evidence, String decisionRef) implements ProgramEvent {

    public MeasurementPlanSet {
        levels = levels == null ? List.of() : List.copyOf(levels);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
