package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.partnership.PartnershipStatus;
import org.partnershipledger.events.partnership.PartnershipId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What program decisions are checked against: the reviews held in the partnership and its charter's steering
 * members, kept in the registry as the events are appended, and right for partnerships registered before the
 * registry kept them (their columns are NULL, and the partnership's own events are read instead).
 */
class PartnershipRegistryIT extends CommandSideIT {

    @Autowired
    PartnershipStatus registry;

    @Test
    void keepsTheReviewsHeldAndTheSteeringMembers() {
        String p = governed();

        PartnershipStatus.Known known = registry.lookUp(new PartnershipId(p)).orElseThrow();

        assertThat(known.reviewedPeriods()).containsExactly("2026-Q3");
        assertThat(known.steeringMembers()).containsExactlyInAnyOrder("CLO", "Head of Sales");
        assertThat(row(p)).containsEntry("reviewed", "{2026-Q3}");
    }

    @Test
    void aPartnershipRegisteredBeforeTheColumnsIsCheckedFromItsEvents() {
        String p = governed();
        jdbc.sql("UPDATE command_side.partnership_registry SET reviewed_periods = NULL, steering_members = NULL"
                + " WHERE partnership_id = ?").param(p).update();
        assertThat(http.postJson("/api/partnerships/" + p + "/business-reviews",
                "{\"period\": \"2026-Q4\", \"attendees\": [\"CLO\"]}").status()).isEqualTo(200);

        PartnershipStatus.Known known = registry.lookUp(new PartnershipId(p)).orElseThrow();
        assertThat(known.reviewedPeriods()).containsExactlyInAnyOrder("2026-Q3", "2026-Q4");
        assertThat(known.steeringMembers()).containsExactlyInAnyOrder("CLO", "Head of Sales");
        assertThat(row(p)).containsEntry("reviewed", null).containsEntry("steering", null);

        String program = proposeProgram(p);
        assertThat(http.postJson("/api/programs/" + program + "/approval",
                "{\"approvedBy\": \"Intern\"}").json().get("code").asText()).isEqualTo("APPROVER_NOT_STEERING_MEMBER");
        assertThat(http.postJson("/api/programs/" + program + "/approval",
                "{\"approvedBy\": \"CLO\", \"decisionRef\": \"2026-Q4\"}").status()).isEqualTo(200);

        // a new charter fills the members for good
        assertThat(http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"MONTHLY\", \"steeringMembers\": [\"CFO\"], \"reason\": \"Budget year\"}").status())
                .isEqualTo(200);
        assertThat(row(p)).containsEntry("steering", "{CFO}").containsEntry("reviewed", null);
        assertThat(registry.lookUp(new PartnershipId(p)).orElseThrow().steeringMembers()).containsExactly("CFO");
    }

    /** A partnership with a charter (CLO, Head of Sales) and its 2026-Q3 review. */
    private String governed() {
        String p = openPartnership();
        assertThat(http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\", \"Head of Sales\"]}").status())
                .isEqualTo(200);
        assertThat(http.postJson("/api/partnerships/" + p + "/business-reviews",
                "{\"period\": \"2026-Q3\", \"attendees\": [\"CLO\"]}").status()).isEqualTo(200);
        return p;
    }

    private Map<String, Object> row(String p) {
        return jdbc.sql("SELECT reviewed_periods::text AS reviewed, steering_members::text AS steering"
                + " FROM command_side.partnership_registry WHERE partnership_id = ?").param(p).query().singleRow();
    }
}
