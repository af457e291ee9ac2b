package org.partnershipledger.events.partnership;

import org.axonframework.serialization.Revision;

/**
 * A candidate was assessed on one criterion, with evidence; a later assessment of the same criterion supersedes it.
 */
@Revision("1")
public record DueDiligenceAssessed(PartnershipId partnershipId, String partnerId, DueDiligenceCriterion criterion,
                                   int score, String evidence) implements PartnershipEvent {
}
