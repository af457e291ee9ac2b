package org.partnershipledger.events.partnership;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** The agreement was renewed: its term now ends later, with a later renewal date. */
@Revision("1")
public record AgreementRenewed(PartnershipId partnershipId, LocalDate termEnd, LocalDate renewalDate,
                               String reason, List<Evidence> evidence, String decisionRef)
        implements PartnershipEvent {

    public AgreementRenewed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
