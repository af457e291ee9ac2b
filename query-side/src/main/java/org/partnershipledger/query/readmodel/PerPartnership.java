package org.partnershipledger.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that what a projection writes for a partnership and its programs depends on their events alone, never on
 * rows written for another partnership: a program's impact facts need its partnership's selected partners, but no
 * other partnership's. Events of different partnerships may then be handled side by side, each partnership's
 * (its programs' included) in their order. A rebuild of a read model whose projections all say so, or
 * {@link PerAggregate}, runs in segments by partnership ({@link ByPartnership}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PerPartnership {
}
