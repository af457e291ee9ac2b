package org.partnershipledger.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * On a handler of every event ({@code payloadType = Object.class}) that acts only on the event classes a test
 * picks, and ignores the others by their class alone: a rebuild of its read model then reads only the stored rows of
 * those classes (with the types its other handlers take), as it would for handlers of concrete types
 * ({@link HandledTypes}). The handler must ask the same test, so that what a rebuild reads and what the handler acts
 * on cannot drift apart.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ActsOnlyOn {

    /** The test of an event class; made with its no-argument constructor. */
    Class<? extends Predicate<Class<?>>> value();
}
