package org.partnershipledger.events.partnership;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;

/**
 * A candidate was assessed on one criterion; a later assessment of the same criterion supersedes it. {@code evidence}
 * are the references the score rests on (a new assessment has at least one); {@code notes} is optional text.
 *
 * <p>Revision 2. In revision 1 {@code evidence} was free text; such events are read as revision 2 (an upcaster in
 * ledger-platform): a text that is an absolute http(s) URI becomes one DOCUMENT reference, any other text becomes
 * {@code notes} with no references.
 */
@Revision("2")
public record DueDiligenceAssessed(PartnershipId partnershipId, String partnerId, DueDiligenceCriterion criterion,
                                   int score, List<Evidence> evidence, String notes) implements PartnershipEvent {

    public DueDiligenceAssessed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
