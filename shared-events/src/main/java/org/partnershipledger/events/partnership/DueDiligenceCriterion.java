package org.partnershipledger.events.partnership;

import java.util.Arrays;
import java.util.List;

/**
 * What a candidate is assessed on before selection. A candidate passes due diligence when every required criterion
 * is assessed at {@link #PASSING_SCORE} or more (the latest assessment of a criterion counts).
 */
public enum DueDiligenceCriterion {
    EXPERTISE(true),
    ON_TIME_DELIVERY(true),
    WITHIN_BUDGET(true),
    CULTURAL_FIT(false);

    /** The lowest score (0 to 5) that passes a required criterion. */
    public static final int PASSING_SCORE = 3;

    private final boolean required;

    DueDiligenceCriterion(boolean required) {
        this.required = required;
    }

    public boolean isRequired() {
        return required;
    }

    /** The criteria every candidate must pass. */
    public static List<DueDiligenceCriterion> required() {
        return Arrays.stream(values()).filter(DueDiligenceCriterion::isRequired).toList();
    }
}
