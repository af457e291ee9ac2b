package org.partnershipledger.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.Problems;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refused commands to problem+json, from the details the command bus carried back. A command that failed
 * because the store was not answering is a 503 the client may retry ({@link StoreUnavailable}), not a refusal.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemHandler {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e) {
        if (e.getDetails().filter(RejectionDetails.class::isInstance).isEmpty() && StoreUnavailable.causedBy(e)) {
            return StoreUnavailable.respond(e);
        }
        return e.getDetails()
                .filter(RejectionDetails.class::isInstance)
                .map(RejectionDetails.class::cast)
                .map(details -> Problems.respond(details.problemCode(), details.message()))
                .orElseThrow(() -> e);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        return Problems.respond(ProblemCode.VERSION_MISMATCH,
                "The target has changed since the version you sent; read it again and retry");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> lostRace(ConcurrencyException e) {
        if (StoreUnavailable.causedBy(e)) {
            return StoreUnavailable.respond(e);
        }
        return Problems.respond(ProblemCode.CONCURRENT_MODIFICATION,
                "Another change to the same target was recorded first; nothing of yours was recorded, retry");
    }
}
