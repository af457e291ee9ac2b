package org.partnershipledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps what the web layer rejects to problem+json with a stable {@code code}. Domain rejections are mapped by
 * each service; a store that is not answering is a 503 the client may retry ({@link StoreUnavailable}); anything
 * else unexpected is a 500 that says nothing of the internals (the log has the details).
 */
@RestControllerAdvice
public class LedgerProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException e) {
        return Problems.respond(ProblemCode.VALIDATION_FAILED, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.respond(ProblemCode.VALIDATION_FAILED,
                "Parameter '" + e.getName() + "' has an invalid value");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.causedBy(e)) {
            return StoreUnavailable.respond(e);
        }
        if (outOfRange(e)) {
            return Problems.respond(ProblemCode.VALIDATION_FAILED, "A value is outside the range the ledger can "
                    + "store (such as a time before 4713 BC or after 294276 AD)");
        }
        LOG.error("Unexpected error while handling a request", e);
        return Problems.respond(ProblemCode.INTERNAL_ERROR,
                "The ledger could not handle this request; nothing was changed by it unless a response said so");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(e) instanceof BodySizeLimitFilter.TooLarge tooLarge) {
            ProblemDetail problem = Problems.problem(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        if (tooSlow(e) != null) {
            ProblemDetail problem = Problems.problem(ProblemCode.BAD_REQUEST, tooSlow(e).getMessage());
            return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        if (NestedExceptionUtils.getRootCause(e) instanceof RequestJson.InvalidValue invalid) {
            ProblemDetail problem = Problems.problem(ProblemCode.VALIDATION_FAILED, "The request has invalid fields");
            problem.setProperty("errors", List.of(Map.of("field", fieldOf(invalid), "message", invalid.getOriginalMessage())));
            return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(ProblemCode.VALIDATION_FAILED, "The request has invalid fields");
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE))) {
            problem.setProperty(Problems.CODE, codeFor(e, status).name());
            if (e instanceof HttpMessageNotReadableException) {
                problem.setDetail("The request body is not valid JSON for this operation");
            }
        }
        if (body instanceof ProblemDetail) {
            // set here, so the problem is written as problem+json whatever the Accept header (even one that cannot
            // be parsed, which is why it is refused with 406)
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers = problemHeaders;
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static BodySizeLimitFilter.TooSlow tooSlow(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.TooSlow slow) {
                return slow;
            }
        }
        return null;
    }

    /**
     * Whether PostgreSQL refused a value as out of its range: SQLSTATE 22008 (a date or time, such as the
     * {@code from} of a read in the year -1000000000) or 22003 (a number). Only a request's input reaches a
     * statement that way, so it is the client's error, not the ledger's.
     */
    static boolean outOfRange(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("22008".equals(sql.getSQLState())
                    || "22003".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of the field, as {@code kpis[0].name}. */
    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Names what the framework refused; anything it does not say more about gets the status's general code. */
    static ProblemCode codeFor(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMessageNotReadableException) {
            return ProblemCode.MALFORMED_JSON;
        }
        if (e instanceof MissingServletRequestParameterException || e instanceof HandlerMethodValidationException) {
            return ProblemCode.VALIDATION_FAILED;
        }
        return ProblemCode.general(status.value());
    }
}
