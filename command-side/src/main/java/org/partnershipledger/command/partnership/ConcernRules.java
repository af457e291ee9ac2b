package org.partnershipledger.command.partnership;

import java.util.Collection;
import java.util.Optional;
import org.partnershipledger.command.common.LedgerRejection;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.platform.web.ProblemCode;

/** Which partner organisation a concern belongs to, and who may raise one. */
final class ConcernRules {

    private ConcernRules() {
    }

    /**
     * The organisation the concern is recorded for: the raising partner's own, or the one a manager names (or
     * none). A partner raises concerns only where it takes part, and once declined or offboarded it only reads.
     */
    static String partnerOf(RaiseConcern command, Collection<Candidate> candidates, PartnershipId partnershipId) {
        if (command.partnerOrganizationId() != null) {
            Candidate candidate = find(candidates, command.partnerOrganizationId())
                    // a partner outside this partnership must not learn that it exists
                    .orElseThrow(() -> new LedgerRejection.NotFound(ProblemCode.PARTNERSHIP_NOT_FOUND,
                            "No such partnership: " + partnershipId));
            if (candidate.hasLeft()) {
                throw new LedgerRejection.RuleViolated(ProblemCode.PARTNER_ACCESS_ENDED,
                        candidate.organizationId + " was declined or offboarded here: it reads what happened until"
                                + " then, and changes nothing");
            }
            return candidate.organizationId;
        }
        if (command.concerning() != null && find(candidates, command.concerning()).isEmpty()) {
            throw new LedgerRejection.NotFound(ProblemCode.CANDIDATE_NOT_FOUND,
                    "No candidate of organisation " + command.concerning() + " in this partnership");
        }
        return command.concerning();
    }

    private static Optional<Candidate> find(Collection<Candidate> candidates, String organizationId) {
        return candidates.stream().filter(c -> c.organizationId.equals(organizationId)).findFirst();
    }
}
