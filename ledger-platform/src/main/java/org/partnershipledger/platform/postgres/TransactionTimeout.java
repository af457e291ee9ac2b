package org.partnershipledger.platform.postgres;

import java.time.Duration;

/**
 * Bounds how long any transaction of ours can stay open.
 *
 * <p>Why: the event store hands out global positions from a sequence when a row is inserted, not when it
 * commits. A reader that sees position 11 committed while 10 is still open records 10 as a gap and waits for it
 * for the gap timeout; after that the gap is given up for good (AxonFramework #4829). So every transaction that
 * can append an event must end well before the gap timeout, and PostgreSQL 17's {@code transaction_timeout}
 * enforces that on the server. Older servers get the closest equivalents (statement and idle-in-transaction
 * timeouts).
 */
final class TransactionTimeout {

    private TransactionTimeout() {
    }

    static String initSql(Duration timeout, boolean synchronousCommit) {
        String millis = Long.toString(timeout.toMillis());
        return "DO $$ BEGIN "
                + (synchronousCommit ? "" : "PERFORM set_config('synchronous_commit', 'off', false); ")
                + "IF current_setting('server_version_num')::int >= 170000 THEN "
                + "PERFORM set_config('transaction_timeout', '" + millis + "', false); END IF; "
                + "PERFORM set_config('statement_timeout', '" + millis + "', false); "
                + "PERFORM set_config('idle_in_transaction_session_timeout', '" + millis + "', false); "
                + "END $$";
    }
}
