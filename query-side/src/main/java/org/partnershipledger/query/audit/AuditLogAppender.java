package org.partnershipledger.query.audit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.partnershipledger.query.readmodel.EventPositions;
import org.partnershipledger.query.readmodel.ResourceKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Appends every event to the {@link AuditLog}, right after it committed, in the order the {@code audit-log}
 * processor receives them. That processor is a tracking processor with one segment, so the order is one order
 * whichever node holds the segment, and its gap handling means an event that commits late (after events with
 * higher positions) is still logged, only later; the leaf keeps the event's own position, never its token's.
 *
 * <p>Leaves are built and written in one batch when the processor's batch commits, together with its token. A failure is never parked or skipped (no dead-letter queue, errors propagate): the processor
 * stops and retries, because a log with a hole could not prove anything after it.
 */
@Component
@ProcessingGroup(AuditLog.PROCESSOR)
@ConditionalOnProperty(name = "ledger.audit.enabled", matchIfMissing = true)
class AuditLogAppender {

    private final AuditLog log;
    private final EventPositions positions;
    private final SecureRandom random = new SecureRandom();
    private final String batchKey = ResourceKeys.of(this);

    AuditLogAppender(AuditLog log, EventPositions positions) {
        this.log = log;
        this.positions = positions;
    }

    /** Any event, without reading its payload into a class: the leaf commits to the stored row. */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> message) {
        AuditLog.Pending leaf = new AuditLog.Pending(message, positions.of(message),
                AuditLeaves.Salted.random(random));
        if (!CurrentUnitOfWork.isStarted()) {
            log.committed(log.append(List.of(leaf)));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(batchKey, key -> {
            List<AuditLog.Pending> batch = new ArrayList<>();
            root.onPrepareCommit(u -> {
                AuditLog.Appended appended = log.append(batch);
                root.afterCommit(committed -> log.committed(appended));
            });
            return batch;
        }).add(leaf);
    }

    /** The log is append-only: replaying history into it would log every event a second time. */
    @ResetHandler
    void refuseReset() {
        throw new IllegalStateException("The audit log is append-only and cannot be reset or replayed");
    }
}
