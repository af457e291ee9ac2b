package org.partnershipledger.command.common;

import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stored snapshots of an aggregate are used: those of the aggregate class's {@code @Revision} (the shape of its
 * fields) that this version can also read. Any other snapshot is ignored and the aggregate is rebuilt from its events,
 * which are the record; a snapshot is only a shortcut. Axon applies the revision rule by itself, but reads a snapshot's
 * state only once it has chosen it, so a snapshot that does not read (a field of the same revision changed by
 * mistake, a damaged row) failed every command on its aggregate until it was deleted by hand.
 */
public final class SnapshotShapes {

    private static final Logger log = LoggerFactory.getLogger(SnapshotShapes.class);

    private SnapshotShapes() {
    }

    /** The filter for the aggregate {@code aggregateClass}, stored as {@code aggregateType}. */
    public static SnapshotFilter of(Class<?> aggregateClass, String aggregateType, Serializer snapshots) {
        String revision = AnnotationUtils.<String>findAnnotationAttribute(aggregateClass, Revision.class, "revision")
                .orElse(null);
        SnapshotFilter sameRevision = RevisionSnapshotFilter.builder().type(aggregateType).revision(revision).build();
        SnapshotFilter readable = snapshot -> !aggregateType.equals(snapshot.getType()) || readable(snapshot, snapshots);
        return sameRevision.combine(readable);
    }

    private static boolean readable(DomainEventData<?> snapshot, Serializer snapshots) {
        try {
            snapshots.deserialize(snapshot.getPayload());
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Snapshot of {} {} at sequence {} cannot be read and is ignored: the aggregate is rebuilt from "
                    + "its events", snapshot.getType(), snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), e);
            return false;
        }
    }
}
