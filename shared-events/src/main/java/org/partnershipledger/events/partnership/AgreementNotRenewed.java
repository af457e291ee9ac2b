package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** The agreement will not be renewed (a change of direction, with its reason); it runs to the end of its term. */
@Revision("1")
public record AgreementNotRenewed(PartnershipId partnershipId, String reason, List<Evidence> evidence,
                                  String decisionRef) implements PartnershipEvent {

    public AgreementNotRenewed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
