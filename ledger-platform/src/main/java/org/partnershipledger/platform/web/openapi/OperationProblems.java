package org.partnershipledger.platform.web.openapi;

import java.util.Collection;
import org.partnershipledger.platform.web.ProblemCode;
import org.springframework.web.method.HandlerMethod;

/**
 * Codes a service answers on some of its endpoints for a reason of its own, such as the command side's
 * Idempotency-Key on every write; a bean of this type adds them to those endpoints' documented responses.
 */
@FunctionalInterface
public interface OperationProblems {

    Collection<ProblemCode> of(HandlerMethod endpoint);
}
