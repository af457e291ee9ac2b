package org.partnershipledger.query.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPacks;
import org.partnershipledger.audit.pack.PackEvent;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.http.NotFound;
import org.partnershipledger.query.http.Refused;
import org.springframework.stereotype.Component;

/**
 * Makes the audit pack of a partnership: its events and its programs' events as the event store holds them now,
 * each with its leaf's salts and an inclusion proof against a checkpoint signed for the occasion (so that every
 * event logged so far is covered), plus what the log knows about completeness.
 *
 * <p>The pack is made from the store as it is, even when that no longer matches the log: an event changed in the
 * store is packed changed, and its proof then fails offline, which is the point. The server does not vouch for
 * the pack; the signed checkpoint and the proofs do.
 */
@Component
class AuditPackBuilder {

    private final AuditLog log;
    private final AuditLeaves leaves;
    private final EventStore eventStore;
    private final EventLog eventLog;
    private final StorePositions positions;

    AuditPackBuilder(AuditLog log, AuditLeaves leaves, EventStore eventStore, EventLog eventLog,
                     StorePositions positions) {
        this.log = log;
        this.leaves = leaves;
        this.eventStore = eventStore;
        this.eventLog = eventLog;
        this.positions = positions;
    }

    AuditPack partnership(String partnershipId, List<Long> sinceSizes) {
        List<DomainEventMessage<?>> partnership = history(partnershipId);
        if (partnership.isEmpty()) {
            throw NotFound.partnership(partnershipId);
        }
        AuditLog.SignedCheckpoint checkpoint = log.checkpointNow().orElseThrow(() -> new NotFound(
                ProblemCode.AUDIT_NO_CHECKPOINT, "The audit log has not logged any event yet; retry in a few seconds"));
        long size = checkpoint.treeSize();
        for (Long since : sinceSizes) {
            if (since == null || since < 0 || since > size) {
                throw new Refused(ProblemCode.AUDIT_TREE_SIZE, "since=" + since + " is not a tree size from 0 to the "
                        + "checkpoint's " + size);
            }
        }
        Map<String, List<DomainEventMessage<?>>> histories = new HashMap<>();
        List<AuditPack.AggregateLog> aggregates = new ArrayList<>();
        histories.put(partnershipId, partnership);
        aggregates.add(new AuditPack.AggregateLog(PartnershipEvent.AGGREGATE, partnershipId, 0));
        for (String programId : eventLog.programsOf(partnershipId)) {
            histories.put(programId, history(programId));
            aggregates.add(new AuditPack.AggregateLog(ProgramEvent.AGGREGATE, programId, 0));
        }
        List<String> eventIds = histories.values().stream().flatMap(List::stream)
                .map(DomainEventMessage::getIdentifier).toList();
        Map<String, AuditLog.StoredLeaf> logged = log.leavesOf(eventIds);
        Map<String, Long> counts = log.loggedEvents(List.copyOf(histories.keySet()), size);
        List<PackEvent> events = new ArrayList<>();
        List<DomainEventMessage<?>> notLogged = new ArrayList<>();
        for (List<DomainEventMessage<?>> history : histories.values()) {
            for (DomainEventMessage<?> event : history) {
                AuditLog.StoredLeaf leaf = logged.get(event.getIdentifier());
                if (leaf == null) {
                    notLogged.add(event);
                } else if (leaf.logIndex() < size) {
                    events.add(new PackEvent(leaf.logIndex(), leaves.of(event, leaf.salts()),
                            log.tree().inclusionProof(leaf.logIndex(), size)));
                }
            }
        }
        events.sort(Comparator.comparingLong(PackEvent::logIndex));
        List<AuditPack.Unlogged> unlogged = unlogged(notLogged);
        NoteVerifier key = log.publicKey();
        return new AuditPack(AuditPack.FORMAT, "partnership " + partnershipId + " and its programs",
                AuditPacks.HOW_TO_VERIFY, key.fingerprint(), checkpoint.note(), events,
                sinceSizes.stream().distinct().map(from -> new AuditPack.ConsistencyProof(from,
                        log.tree().consistencyProof(from, size))).toList(),
                aggregates.stream().map(a -> new AuditPack.AggregateLog(a.aggregateType(), a.aggregateId(),
                        counts.getOrDefault(a.aggregateId(), 0L))).toList(),
                unlogged);
    }

    /**
     * Events of the store the log has never received although it has received events at higher positions: written
     * into the store behind the ledger's back. An event beyond the log's reach is merely not logged yet.
     */
    private List<AuditPack.Unlogged> unlogged(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        long passed = log.highestLoggedPosition();
        Map<String, Long> at = positions.of(events.stream().map(DomainEventMessage::getIdentifier).toList());
        List<AuditPack.Unlogged> unlogged = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Long position = at.get(event.getIdentifier());
            if (position != null && position < passed) {
                unlogged.add(new AuditPack.Unlogged(event.getIdentifier(), event.getType(),
                        event.getAggregateIdentifier(), event.getSequenceNumber(), position));
            }
        }
        return unlogged;
    }

    private List<DomainEventMessage<?>> history(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }
}
