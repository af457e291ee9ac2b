package org.partnershipledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** What the web framework refuses keeps the code clients have always seen for it. */
class FrameworkProblemCodesTest {

    @Test
    void eachRefusalOfTheFrameworkHasItsCode() {
        assertThat(LedgerProblemHandler.codeFor(new HttpMessageNotReadableException("bad",
                new MockHttpInputMessage(new byte[0])), HttpStatus.BAD_REQUEST)).isEqualTo(ProblemCode.MALFORMED_JSON);
        assertThat(code(new MissingServletRequestParameterException("page", "int")))
                .isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(code(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of())))
                .isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(code(new HttpMediaTypeNotAcceptableException(List.of()))).isEqualTo(ProblemCode.NOT_ACCEPTABLE);
        assertThat(code(new HttpRequestMethodNotSupportedException("PATCH")))
                .isEqualTo(ProblemCode.METHOD_NOT_ALLOWED);
        assertThat(code(new NoResourceFoundException(HttpMethod.GET, "/nothing"))).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(code(new AsyncRequestTimeoutException())).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void aStatusTheFrameworkSaysNothingMoreAboutGetsTheGeneralCode() {
        // e.g. If-Match that is not an ETag (ExpectedVersion), answered 400 BAD_REQUEST since the first release
        assertThat(code(new ResponseStatusException(HttpStatus.BAD_REQUEST))).isEqualTo(ProblemCode.BAD_REQUEST);
        assertThat(LedgerProblemHandler.codeFor(new HttpMessageNotWritableException("no"),
                HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(ProblemCode.INTERNAL_SERVER_ERROR);
    }

    private static ProblemCode code(org.springframework.web.ErrorResponse refused) {
        return LedgerProblemHandler.codeFor((Exception) refused, refused.getStatusCode());
    }
}
