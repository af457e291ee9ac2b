package org.partnershipledger.platform.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.partnershipledger.platform.web.ProblemCode;

/**
 * The codes an endpoint may refuse with besides those every endpoint has (400 BAD_REQUEST, 401, 403, 406, 503; with
 * a body also MALFORMED_JSON, VALIDATION_FAILED, 413 and 415). The OpenAPI document lists them as problem+json responses, grouped by status; on a class, for each of its
 * endpoints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Rejects {

    ProblemCode[] value();
}
