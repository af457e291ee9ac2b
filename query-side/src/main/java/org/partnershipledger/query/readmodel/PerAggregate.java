package org.partnershipledger.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that what a projection writes for an aggregate's events depends on that aggregate's events alone, never
 * on rows written for another aggregate: events of different aggregates may then be handled side by side, in the
 * order of each aggregate. A rebuild of a read model whose projections all say so runs in segments, each on a
 * thread and a connection of its own ({@code ledger.rebuilds.segments}, two by default), so that handling events and
 * storing rows use both cores. The live processor stays in one segment: the take-over hands it the least advanced
 * segment's token, and the events the other segments had passed since are handled again, which a projection's
 * keyed writes make harmless.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PerAggregate {
}
