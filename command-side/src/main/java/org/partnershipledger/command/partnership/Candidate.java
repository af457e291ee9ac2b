package org.partnershipledger.command.partnership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.DueDiligenceCriterion;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * A shortlisted partner organisation and its due-diligence scores (the latest per criterion counts). A declined
 * candidate, or an offboarded partner, has left: it takes no further step in the partnership.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Candidate {

    static final List<DueDiligenceCriterion> REQUIRED = DueDiligenceCriterion.required();
    static final int PASSING_SCORE = DueDiligenceCriterion.PASSING_SCORE;

    String organizationId;
    Map<DueDiligenceCriterion, Integer> scores = new EnumMap<>(DueDiligenceCriterion.class);
    boolean selected;
    boolean declined;
    boolean offboarded;

    Candidate() {
        // for snapshots
    }

    Candidate(String organizationId) {
        this.organizationId = organizationId;
    }

    /** A selected partner that has not left the coalition. */
    boolean isActivePartner() {
        return selected && !offboarded;
    }

    boolean hasLeft() {
        return declined || offboarded;
    }

    /** Nothing more happens to a candidate that was declined or a partner that was offboarded. */
    void assertStillTakingPart() {
        if (declined) {
            throw new LedgerRejection.RuleViolated(ProblemCode.CANDIDATE_DECLINED,
                    organizationId + " was declined in this partnership");
        }
        if (offboarded) {
            throw new LedgerRejection.RuleViolated(ProblemCode.PARTNER_OFFBOARDED,
                    organizationId + " was offboarded from this partnership");
        }
    }

    /** Selection needs the three required criteria assessed, none of them below the passing score. */
    void assertPassedDueDiligence() {
        List<DueDiligenceCriterion> missing = REQUIRED.stream().filter(c -> !scores.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.DUE_DILIGENCE_INCOMPLETE,
                    "Due diligence is not complete: " + missing + " not assessed yet");
        }
        List<DueDiligenceCriterion> failed = REQUIRED.stream().filter(c -> scores.get(c) < PASSING_SCORE).toList();
        if (!failed.isEmpty()) {
            throw new LedgerRejection.RuleViolated(ProblemCode.DUE_DILIGENCE_FAILED,
                    "Due diligence failed on " + failed + " (scores below " + PASSING_SCORE + ")");
        }
    }

    // state is compared by value: the test fixture checks that replaying events rebuilds the same state
    @Override
    public boolean equals(Object other) {
        return other instanceof Candidate that && Objects.equals(organizationId, that.organizationId)
                && scores.equals(that.scores) && selected == that.selected && declined == that.declined
                && offboarded == that.offboarded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(organizationId, scores, selected, declined, offboarded);
    }
}
