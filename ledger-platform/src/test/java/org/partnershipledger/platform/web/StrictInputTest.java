package org.partnershipledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;

/** Input the web layer refuses before it reaches a command or a query, found by FuzzIT. */
class StrictInputTest {

    record Kpi(LocalDate dueDate) {
    }

    private final ObjectMapper requests = RequestJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void aDateIsIsoText() throws Exception {
        assertThat(requests.readValue("{\"dueDate\": \"2026-06-30\"}", Kpi.class).dueDate())
                .isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(requests.readValue("{\"dueDate\": null}", Kpi.class).dueDate()).isNull();
    }

    /** Jackson read 20260630 as days since 1970 (the year 57440), [] as no date, [2026, 6, 30] as a date. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20260630", "[]", "[2026, 6, 30]", "\"\"", "{}", "true"})
    void aDateThatIsNotIsoTextIsRefused(String value) {
        assertThatThrownBy(() -> requests.readValue("{\"dueDate\": " + value + "}", Kpi.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> requests.readValue("{\"dueDate\": \"2026-02-30\"}", Kpi.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    /** An impact period from the year -999999999 was recorded, and dead-lettered by the impact-facts read model. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01", "0000-01-01", "+10000-01-01", "+999999999-12-31"})
    void aDateOutsideTheYears1To9999IsAnInvalidValue(String date) {
        assertThatThrownBy(() -> requests.readValue("{\"dueDate\": \"" + date + "\"}", Kpi.class))
                .isInstanceOf(RequestJson.InvalidValue.class);
    }

    @Test
    void theFirstAndLastDaysOfTheYears1To9999AreDates() throws Exception {
        assertThat(requests.readValue("{\"dueDate\": \"0001-01-01\"}", Kpi.class).dueDate())
                .isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(requests.readValue("{\"dueDate\": \"9999-12-31\"}", Kpi.class).dueDate())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    /** A time of the year -1000000000 in a query's parameter made PostgreSQL fail the query: that was a 500. */
    @Test
    void aValueOutsideWhatTheDatabaseHoldsIsTheClientsError() {
        assertThat(LedgerProblemHandler.outOfRange(new DataIntegrityViolationException("timestamp out of range",
                new SQLException("ERROR: timestamp out of range", "22008")))).isTrue();
        assertThat(LedgerProblemHandler.outOfRange(new DataIntegrityViolationException("numeric value out of range",
                new SQLException("ERROR: bigint out of range", "22003")))).isTrue();
        assertThat(LedgerProblemHandler.outOfRange(new DataIntegrityViolationException("duplicate key",
                new SQLException("ERROR: duplicate key value", "23505")))).isFalse();
        assertThat(LedgerProblemHandler.outOfRange(new IllegalStateException("no SQL in it"))).isFalse();
    }
}
