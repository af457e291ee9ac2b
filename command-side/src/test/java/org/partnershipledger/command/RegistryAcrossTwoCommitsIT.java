package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.springframework.test.context.TestPropertySource;

/**
 * On Axon Server the registry's row commits in PostgreSQL, then the events in Axon Server. Here the second commit
 * is made to fail by taking the events out of the store after the first, and the registry checks its rows against
 * the store as it does on Axon Server: a program decision must never rest on a partnership, a review or a charter
 * that was never stored.
 */
@TestPropertySource(properties = "ledger.registry.check-store=true")
class RegistryAcrossTwoCommitsIT extends CommandSideIT {

    @Test
    void aPartnershipWhoseOpeningNeverLandedTakesNoProgram() {
        String lost = openPartnership();
        theseEventsNeverLanded(lost, 0);
        long before = eventCount();

        Http.Response proposal = http.postJson("/api/programs", """
                {"partnershipId": "%s", "title": "Consultative selling", "objectives": ["Ask better questions"],
                 "audience": "New reps", "kpiTargets": ["ttq"], "modules": [{"title": "Discovery"}],
                 "reason": "First cohort in Q3"}""".formatted(lost));

        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(404);
        assertThat(proposal.json().get("code").asText()).isEqualTo("PARTNERSHIP_NOT_FOUND");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aReviewAndACharterThatNeverLandedDecideNothing() {
        String p = openPartnership();
        assertThat(http.putJson("/api/partnerships/" + p + "/governance-charter",
                "{\"cadence\": \"QUARTERLY\", \"steeringMembers\": [\"CLO\"]}").status()).isEqualTo(200);
        assertThat(http.postJson("/api/partnerships/" + p + "/business-reviews",
                "{\"period\": \"2026-Q2\", \"attendees\": [\"CLO\"]}").status()).isEqualTo(200);
        String program = proposeProgram(p);
        assertThat(http.putJson("/api/partnerships/" + p + "/governance-charter", """
                {"cadence": "MONTHLY", "steeringMembers": ["Intern"], "reason": "New board"}""").status())
                .isEqualTo(200);
        assertThat(http.postJson("/api/partnerships/" + p + "/business-reviews",
                "{\"period\": \"2026-Q3\", \"attendees\": [\"CLO\"]}").status()).isEqualTo(200);
        theseEventsNeverLanded(p, 3); // the new charter and the 2026-Q3 review: the row has taken both in

        Http.Response byTheLostCharter = http.postJson("/api/programs/" + program + "/approval",
                "{\"approvedBy\": \"Intern\"}");
        Http.Response byTheLostReview = http.postJson("/api/programs/" + program + "/approval",
                "{\"approvedBy\": \"CLO\", \"decisionRef\": \"2026-Q3\"}");
        long before = eventCount();
        assertThat(byTheLostCharter.json().get("code").asText()).isEqualTo("APPROVER_NOT_STEERING_MEMBER");
        assertThat(byTheLostReview.json().get("code").asText()).isEqualTo("UNKNOWN_DECISION_REF");
        assertThat(eventCount()).isEqualTo(before);

        Http.Response asStored = http.postJson("/api/programs/" + program + "/approval",
                "{\"approvedBy\": \"CLO\", \"decisionRef\": \"2026-Q2\"}");
        assertThat(asStored.status()).as(asStored.toString()).isEqualTo(200);
    }

    /** As if Axon Server's commit had failed after PostgreSQL's: the registry's row stays as it was written. */
    private void theseEventsNeverLanded(String partnershipId, long fromSequence) {
        jdbc.sql("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ?")
                .params(partnershipId, fromSequence).update();
    }
}
