package org.partnershipledger.query.http;

import org.partnershipledger.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The query side's own answers: not found (also for what a partner may not see), a conflict with its setup, not yet
 * consistent.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        return Problems.respond(e.code, e.getMessage());
    }

    @ExceptionHandler(ReadConsistency.NotYetConsistent.class)
    ResponseEntity<ProblemDetail> notYet(ReadConsistency.NotYetConsistent e) {
        return ReadConsistency.notYet(e);
    }
}
