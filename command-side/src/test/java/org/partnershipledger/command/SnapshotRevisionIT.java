package org.partnershipledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A snapshot is the aggregate's fields as they were when it was taken. Its revision is the aggregate class's
 * {@code @Revision}; one of another revision (an older shape) is ignored, and the aggregate is rebuilt from its events
 * rather than misread. The snapshots below claim the partnership or program has ended or been retired: misread, the
 * next command would be refused.
 */
class SnapshotRevisionIT extends CommandSideIT {

    private static final String PARTNERSHIP = "org.partnershipledger.command.partnership.Partnership";
    private static final String PROGRAM = "org.partnershipledger.command.program.Program";

    @Autowired
    Cache aggregateCache;

    @BeforeEach
    void loadAggregatesFromTheStore() {
        aggregateCache.removeAll();
    }

    @Test
    void aPartnershipSnapshotOfAnOlderShapeIsIgnored() {
        String partnership = openPartnership();
        long version = shortlist(partnership, "acme-learning").json().get("version").asLong();
        storeSnapshot(partnership, "Partnership", version, PARTNERSHIP, null, """
                {"partnershipId": "%s", "stage": "ENDED", "candidates": {}, "charterSet": false,
                 "reviewedPeriods": [], "concernsResolved": {}}""".formatted(partnership));
        aggregateCache.removeAll();

        Http.Response next = shortlist(partnership, "rival-academy");

        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(shortlist(partnership, "acme-learning").json().get("code").asText())
                .as("the candidates come from the events, not from the snapshot's empty list")
                .isEqualTo("ALREADY_SHORTLISTED");
    }

    @Test
    void aPartnershipSnapshotThatCannotBeReadIsIgnored() {
        String partnership = openPartnership();
        long version = shortlist(partnership, "acme-learning").json().get("version").asLong();
        storeSnapshot(partnership, "Partnership", version, PARTNERSHIP, "2", """
                {"partnershipId": ["not", "an", "id"], "stage": "NO_SUCH_STAGE", "candidates": "garbage"}""");
        aggregateCache.removeAll();

        Http.Response next = shortlist(partnership, "rival-academy");

        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aProgramSnapshotOfAnOlderShapeIsIgnored() {
        String program = proposeProgram(openPartnership());
        storeSnapshot(program, "Program", 0, PROGRAM, "1", """
                {"programId": "%s", "status": "RETIRED", "curriculumVersion": 9, "modules": []}"""
                .formatted(program));
        aggregateCache.removeAll();

        Http.Response rejected = http.postJson("/api/programs/" + program + "/rejection",
                "{\"reason\": \"Overlaps the product academy's course\"}");

        assertThat(rejected.status()).as(rejected.toString()).isBetween(200, 299);
        assertThat(rejected.json().get("version").asLong()).isEqualTo(1);
    }

    private Http.Response shortlist(String partnership, String organization) {
        return http.postJson("/api/partnerships/" + partnership + "/candidates", """
                {"organizationId": "%s", "name": "%s", "role": "TRAINING_PROVIDER"}"""
                .formatted(organization, organization));
    }

    private void storeSnapshot(String aggregateId, String aggregateType, long sequence, String payloadType,
                               String revision, String payload) {
        jdbc.sql("""
                        INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, '2026-09-30T10:15:30Z', ?, ?, ?, ?)""")
                .params(aggregateId, sequence, aggregateType, UUID.randomUUID().toString(), payloadType, revision,
                        payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
