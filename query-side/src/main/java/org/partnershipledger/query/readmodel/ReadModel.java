package org.partnershipledger.query.readmodel;

import java.util.List;

/**
 * A read model: the processor that keeps it, the tables it owns (schema-qualified, written by nothing else) and the
 * projections that write them, as declared by {@link Owns}.
 *
 * @param processor   the processing group and processor name
 * @param tables      the tables its projections write, schema-qualified
 * @param projections the projection classes, built again for a rebuild
 */
public record ReadModel(String processor, List<String> tables, List<Class<?>> projections) {

    public ReadModel {
        tables = List.copyOf(tables);
        projections = List.copyOf(projections);
    }

    /** Whether each of its projections writes per aggregate ({@link PerAggregate}): rebuilt in segments so. */
    public boolean perAggregate() {
        return projections.stream().allMatch(projection -> projection.isAnnotationPresent(PerAggregate.class));
    }

    /**
     * Whether each of its projections writes per partnership ({@link PerPartnership}) or per aggregate, so it can be
     * rebuilt in segments by partnership ({@link ByPartnership}).
     */
    public boolean perPartnership() {
        return projections.stream().allMatch(projection -> projection.isAnnotationPresent(PerAggregate.class)
                || projection.isAnnotationPresent(PerPartnership.class));
    }

    /**
     * Whether its rebuild in segments splits the events by partnership ({@link ByPartnership}) rather than by
     * aggregate: some projection writes per partnership. Its dead letters, parked by partnership while it rebuilds,
     * join their aggregate's sequence at the take-over.
     */
    public boolean byPartnership() {
        return perPartnership() && !perAggregate();
    }
}
