package org.partnershipledger.command.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter ({@code Long}) that receives the aggregate version named by the request's
 * {@code If-Match} header, or null when there is none; see {@link ExpectedVersion#fromIfMatch}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface IfMatch {
}
