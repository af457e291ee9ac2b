package org.partnershipledger.query.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.CostShare;
import org.partnershipledger.events.partnership.CostSharingAgreed;
import org.partnershipledger.events.partnership.GovernanceCharterSet;
import org.partnershipledger.events.partnership.GovernanceCadence;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipEnded;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramApproved;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Decisions stored before they carried evidence and a decisionRef read back, through the serializer the event
 * store uses, with no evidence and no decisionRef; and those stored with them read back whole. Same revision: the
 * fields are optional, not a new shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class StoredDecisionEventsTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void aSelectionStoredBeforeDecisionsCarriedEvidenceReadsWithNone() {
        PartnerSelected event = read("""
                {"partnershipId":"p-1","partnerId":"c-1","organizationId":"acme-learning",
                 "reason":"Best fit on expertise"}""", PartnerSelected.class);

        assertThat(event).isEqualTo(new PartnerSelected(P, "c-1", "acme-learning", "Best fit on expertise"));
        assertThat(event.evidence()).isEmpty();
        assertThat(event.decisionRef()).isNull();
    }

    @Test
    void aPivotAndAnApprovalStoredBeforeReadWithNone() {
        CurriculumPivoted pivot = read("""
                {"programId":"prog-1","fromVersion":1,"toVersion":2,"reason":"Time to quota stalled",
                 "trigger":"KPI_GAP","addedModules":[{"moduleId":"m-9","title":"Selling with AI"}],
                 "removedModules":["m-2"],"approvedBy":"Head of Sales","effectiveFrom":"2026-11-01",
                 "modules":[{"moduleId":"m-1","title":"Discovery"},{"moduleId":"m-9","title":"Selling with AI"}]}""",
                CurriculumPivoted.class);
        ProgramApproved approval = read("{\"programId\":\"prog-1\",\"approvedBy\":\"Head of Sales\"}",
                ProgramApproved.class);

        CurriculumModule ai = new CurriculumModule(new ModuleId("m-9"), "Selling with AI");
        assertThat(pivot).isEqualTo(new CurriculumPivoted(G, 1, 2, "Time to quota stalled", PivotTrigger.KPI_GAP,
                List.of(ai), List.of(new ModuleId("m-2")), "Head of Sales", LocalDate.parse("2026-11-01"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery"), ai)));
        assertThat(approval).isEqualTo(new ProgramApproved(G, "Head of Sales"));
    }

    @Test
    void aCharterCostSplitAndEndStoredBeforeReadWithNone() {
        assertThat(read("{\"partnershipId\":\"p-1\",\"cadence\":\"QUARTERLY\",\"steeringMembers\":[\"CLO\"]}",
                GovernanceCharterSet.class)).isEqualTo(
                new GovernanceCharterSet(P, GovernanceCadence.QUARTERLY, List.of("CLO")));
        assertThat(read("""
                {"partnershipId":"p-1","currency":"EUR","totalBudget":250000,"reason":"Sales benefits most",
                 "shares":[{"businessUnit":"Sales","percent":60},{"businessUnit":"L&D","percent":40}]}""",
                CostSharingAgreed.class).evidence()).isEmpty();
        assertThat(read("{\"partnershipId\":\"p-1\",\"reason\":\"Goals met\"}", PartnershipEnded.class))
                .isEqualTo(new PartnershipEnded(P, "Goals met"));
    }

    @Test
    void aDecisionStoredWithEvidenceAndItsReviewReadsBackWhole() {
        CostSharingAgreed event = new CostSharingAgreed(P, "EUR", new BigDecimal("250000"),
                List.of(new CostShare("Sales", new BigDecimal("50")), new CostShare("L&D", new BigDecimal("50"))),
                "Both units benefit", List.of(new Evidence(EvidenceType.BUSINESS_REVIEW, "2026-Q3", "Q3 review")),
                "2026-Q3");
        String stored = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(stored).contains("\"decisionRef\":\"2026-Q3\"").contains("\"type\":\"BUSINESS_REVIEW\"");
        assertThat(read(stored, CostSharingAgreed.class)).isEqualTo(event);
    }

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, type.getName(), "1"));
    }
}
