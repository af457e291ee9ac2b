package org.partnershipledger.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Tells Axon when an append failed because the aggregate's sequence number was taken, so that it answers with a
 * {@code ConcurrencyException} (409, or a retry) instead of a plain store failure (500). Axon's own resolver looks
 * for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it reports SQL
 * state {@code 23505} (unique_violation), for a batch in the exception chained to the {@code BatchUpdateException}.
 * Two command sides on one store meet this whenever one of them holds a stale copy of an aggregate.
 */
public final class DuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver axons = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && anyUniqueViolation(sql)) {
                return true;
            }
        }
        return axons.isDuplicateKeyViolation(exception);
    }

    private static boolean anyUniqueViolation(SQLException sql) {
        int seen = 0;
        for (SQLException next = sql; next != null && seen < 100; next = next.getNextException(), seen++) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
