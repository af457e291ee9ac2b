package org.partnershipledger.command.xapi;

import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps what the xAPI resources refuse to problem+json. */
@RestControllerAdvice(assignableTypes = {XapiStatementsController.class, XapiAdminController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class XapiProblemHandler {

    @ExceptionHandler(XapiProblem.class)
    ResponseEntity<ProblemDetail> refused(XapiProblem e) {
        return Problems.respond(e.code(), e.getMessage());
    }

    @ExceptionHandler(XapiInvalid.class)
    ResponseEntity<ProblemDetail> invalid(XapiInvalid e) {
        return Problems.respond(ProblemCode.XAPI_STATEMENT_INVALID, e.getMessage());
    }
}
