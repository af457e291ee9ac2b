package org.partnershipledger.command.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of the command side whose operations are not commands on an aggregate (the xAPI resources): the
 * OpenAPI document declares no If-Match, Idempotency-Key or ETag for them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotCommands {
}
