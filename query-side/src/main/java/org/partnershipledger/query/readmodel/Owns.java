package org.partnershipledger.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a projection's read model: the tables it owns, schema-qualified, which nothing else writes. With the
 * projection's {@code @ProcessingGroup}, this is all a rebuild needs: it runs a second copy of the projection, built
 * like the first but given {@link Tables} bound to copies of these tables. Several projections of one processing
 * group form one read model, rebuilt together.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Owns {

    /** The tables, e.g. {@code "query_side.partner_access"}. */
    String[] value();
}
