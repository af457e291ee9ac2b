package org.partnershipledger.command.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;

/** A partnership's life as given/when material for fixtures. */
final class PartnershipEvents {

    static final PartnershipId ID = new PartnershipId("p-1");
    static final Kpi TIME_TO_QUOTA = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"),
            new BigDecimal("90"), LocalDate.parse("2027-06-30"));
    static final String ACME = "acme-learning";
    static final String RIVAL = "rival-academy";
    static final Evidence REFERENCE_CALLS = new Evidence(EvidenceType.DOCUMENT,
            "https://dms.acme-retail.example/due-diligence/acme-learning/reference-calls.pdf", "Reference calls");

    private PartnershipEvents() {
    }

    static PartnershipOpened opened() {
        return new PartnershipOpened(ID, "Field sales academy", "Acme Retail", "Reps productive in 90 days",
                List.of(TIME_TO_QUOTA));
    }

    static CandidateShortlisted shortlisted(String partnerId, String organizationId) {
        return new CandidateShortlisted(ID, partnerId, organizationId, "Acme Learning", PartnerRole.TRAINING_PROVIDER);
    }

    static DueDiligenceAssessed assessed(String partnerId, DueDiligenceCriterion criterion, int score) {
        return new DueDiligenceAssessed(ID, partnerId, criterion, score, List.of(REFERENCE_CALLS), null);
    }

    static List<Object> passedDueDiligence(String partnerId) {
        return List.of(assessed(partnerId, DueDiligenceCriterion.EXPERTISE, 4),
                assessed(partnerId, DueDiligenceCriterion.ON_TIME_DELIVERY, 3),
                assessed(partnerId, DueDiligenceCriterion.WITHIN_BUDGET, 5));
    }

    static PartnerSelected selected(String partnerId) {
        return new PartnerSelected(ID, partnerId, ACME, "Best fit on expertise");
    }

    static CandidateDeclined declined(String partnerId, String organizationId) {
        return new CandidateDeclined(ID, partnerId, organizationId, "Weaker on budget");
    }

    static PartnerOffboarded offboarded(String partnerId) {
        return new PartnerOffboarded(ID, partnerId, ACME, "Contract not renewed");
    }

    static GovernanceCharterSet charter() {
        return new GovernanceCharterSet(ID, GovernanceCadence.QUARTERLY, List.of("CLO", "Head of Sales"));
    }
}
