package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which failures park an event, and which only roll its batch back to be tried again. */
class FailureIsolationTest {

    @Test
    void aFailureThatSaysSomethingAboutTheEventParksIt() {
        assertThat(FailureIsolation.passing(new DataIntegrityViolationException("too long",
                new SQLException("value too long for type character varying(100)", "22001")))).isFalse();
        assertThat(FailureIsolation.passing(new IllegalStateException("a bug in a handler"))).isFalse();
    }

    @Test
    void aBusyOrAbsentDatabaseOnlyRollsTheBatchBack() {
        assertThat(FailureIsolation.passing(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(FailureIsolation.passing(new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(FailureIsolation.passing(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(FailureIsolation.passing(new CannotGetJdbcConnectionException("pool timed out"))).isTrue();
        assertThat(FailureIsolation.passing(new SQLException("terminating connection", "57P01"))).isTrue();
    }
}
