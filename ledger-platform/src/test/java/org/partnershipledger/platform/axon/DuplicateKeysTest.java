package org.partnershipledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** An append that lost the race for a sequence number is a conflict (409 or a retry), not a store failure (500). */
class DuplicateKeysTest {

    private final DuplicateKeys keys = new DuplicateKeys();

    @Test
    void aUniqueViolationChainedToTheBatchAsPostgreSqlReportsItIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO event_store...", "23505",
                0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(keys.isDuplicateKeyViolation(new EventStoreException("append failed", batch))).isTrue();
    }

    @Test
    void theStateOnTheChainedExceptionAloneIsEnough() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 ...", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(keys.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(keys.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(keys.isDuplicateKeyViolation(new SQLException("check constraint", "23514"))).isFalse();
        assertThat(keys.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
