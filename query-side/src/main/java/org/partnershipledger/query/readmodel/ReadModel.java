package org.partnershipledger.query.readmodel;

import java.util.List;
import java.util.function.Function;

/**
 * A read model: the processor that keeps it, the tables it owns (schema-qualified, written by nothing else) and how
 * to make its projection write into a given set of those tables. Declared as a bean next to each projection, so a
 * rebuild ({@link Rebuilds}) can run a second copy of the projection into fresh tables while the live one serves.
 *
 * @param processor  the processing group and processor name
 * @param tables     the tables the projection writes, schema-qualified
 * @param projection makes the projection for a set of tables ({@link ReadModelTables#LIVE} or a rebuild's)
 */
public record ReadModel(String processor, List<String> tables, Function<ReadModelTables, Object> projection) {

    public ReadModel {
        tables = List.copyOf(tables);
    }
}
