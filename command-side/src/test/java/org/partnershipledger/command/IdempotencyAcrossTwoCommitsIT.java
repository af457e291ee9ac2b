package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;

/**
 * On Axon Server a keyed command's stored answer commits in PostgreSQL, then its events in Axon Server. Here the
 * second commit is made to fail by taking the events out of the store after the first: a retry with the same key
 * must not be told "accepted" for events that are not there. It gets 503 while the append could still be under
 * way, and once that time has passed the command runs again, once.
 */
class IdempotencyAcrossTwoCommitsIT extends CommandSideIT {

    @Test
    void aStoredAnswerWhoseEventsNeverLandedIsNotReplayedAndTheRetryIsRecordedOnce() {
        Http.Response first = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-1");
        String lost = first.json().get("partnershipId").asText();
        theEventsNeverLanded(lost);

        Http.Response tooSoon = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-1");
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(503);
        assertThat(tooSoon.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(tooSoon.header("Retry-After")).isNotBlank();

        jdbc.sql("UPDATE command_side.idempotency_key SET created_at = now() - interval '1 minute' "
                + "WHERE idempotency_key = 'two-commits-1'").update();
        Http.Response retry = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-1");
        Http.Response again = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-1");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        String recorded = retry.json().get("partnershipId").asText();
        assertThat(recorded).isNotEqualTo(lost);
        assertThat(eventsOf(recorded)).isEqualTo(1);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("partnershipId").asText()).isEqualTo(recorded);
        assertThat(eventsOf(recorded)).isEqualTo(1);
    }

    @Test
    void anAnswerWhoseEventsAreThereIsReplayedAsBefore() {
        Http.Response first = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-2");
        jdbc.sql("UPDATE command_side.idempotency_key SET created_at = now() - interval '1 minute' "
                + "WHERE idempotency_key = 'two-commits-2'").update();

        Http.Response retry = http.postJson("/api/partnerships", OPEN, "Idempotency-Key", "two-commits-2");

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("partnershipId")).isEqualTo(first.json().get("partnershipId"));
        assertThat(eventsOf(first.json().get("partnershipId").asText())).isEqualTo(1);
    }

    /** As if Axon Server's commit had failed after PostgreSQL's: the answer and the registry row stay. */
    private void theEventsNeverLanded(String partnershipId) {
        jdbc.sql("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ?").param(partnershipId)
                .update();
    }
}
