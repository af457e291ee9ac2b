package org.partnershipledger.query.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint's answer reflects a read model at a position of the event store, which it gives in
 * {@code X-Ledger-Position} (see {@link ReadConsistency}); on a class, each of its endpoints. The OpenAPI document
 * declares the header on the endpoint's successful answer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnswersAtPosition {
}
