package org.partnershipledger.events.partnership;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/** The partnership's agreement was signed: its term, and the date by which renewal is decided. */
@Revision("1")
public record AgreementSigned(PartnershipId partnershipId, LocalDate termStart, LocalDate termEnd,
                              LocalDate renewalDate, List<Evidence> evidence, String decisionRef)
        implements PartnershipEvent {

    public AgreementSigned {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
