package org.partnershipledger.query.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershipledger.audit.leaf.LeafEntry;
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
    private final StoredEvents store;

    AuditPackBuilder(AuditLog log, AuditLeaves leaves, EventStore eventStore, EventLog eventLog,
                     StoredEvents store) {
        this.log = log;
        this.leaves = leaves;
        this.eventStore = eventStore;
        this.eventLog = eventLog;
        this.store = store;
    }

    /** An event of the store, with what a pack needs of it; position is null where the store does not tell. */
    private record Recorded(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                            Long position, Function<AuditLeaves.Salted, LeafEntry> leaf) {
    }

    AuditPack partnership(String partnershipId, List<Long> sinceSizes) {
        List<Recorded> partnership = history(partnershipId);
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
        Map<String, List<Recorded>> histories = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        histories.put(partnershipId, partnership);
        types.put(partnershipId, PartnershipEvent.AGGREGATE);
        for (String programId : eventLog.programsOf(partnershipId)) {
            histories.put(programId, history(programId));
            types.put(programId, ProgramEvent.AGGREGATE);
        }
        List<Recorded> all = histories.values().stream().flatMap(List::stream).toList();
        Map<String, AuditLog.StoredLeaf> logged = log.leavesOf(all.stream().map(Recorded::eventId).toList());
        Map<String, Long> counts = log.loggedEvents(List.copyOf(histories.keySet()), size);
        long passed = log.highestLoggedPosition();
        List<PackEvent> events = new ArrayList<>();
        List<AuditPack.Unlogged> unlogged = new ArrayList<>();
        for (Recorded event : all) {
            AuditLog.StoredLeaf leaf = logged.get(event.eventId());
            if (leaf != null && leaf.logIndex() < size) {
                events.add(new PackEvent(leaf.logIndex(), event.leaf().apply(leaf.salts()),
                        log.tree().inclusionProof(leaf.logIndex(), size)));
            } else if (leaf == null && event.position() != null && event.position() < passed) {
                // the log received events at higher positions but never this one: written behind its back
                unlogged.add(new AuditPack.Unlogged(event.eventId(), event.aggregateType(), event.aggregateId(),
                        event.sequenceNumber(), event.position()));
            }
        }
        events.sort(Comparator.comparingLong(PackEvent::logIndex));
        NoteVerifier key = log.publicKey();
        return new AuditPack(AuditPack.FORMAT, "partnership " + partnershipId + " and its programs",
                AuditPacks.HOW_TO_VERIFY, key.fingerprint(), checkpoint.note(), events,
                sinceSizes.stream().distinct().map(from -> new AuditPack.ConsistencyProof(from,
                        log.tree().consistencyProof(from, size))).toList(),
                types.entrySet().stream().map(aggregate -> new AuditPack.AggregateLog(aggregate.getValue(),
                        aggregate.getKey(), counts.getOrDefault(aggregate.getKey(), 0L))).toList(),
                unlogged);
    }

    /** The aggregate's events: its stored rows in PostgreSQL (as recorded), else as Axon reads them. */
    private List<Recorded> history(String aggregateId) {
        if (store.available()) {
            return store.ofAggregate(aggregateId).stream().map(row -> new Recorded(row.eventId(),
                    row.aggregateType(), row.aggregateId(), row.sequenceNumber(), row.position(), row::leaf)).toList();
        }
        return eventStore.readEvents(aggregateId).asStream().map(event -> {
            DomainEventMessage<?> message = event;
            return new Recorded(message.getIdentifier(), message.getType(), message.getAggregateIdentifier(),
                    message.getSequenceNumber(), null, salts -> leaves.of(message, salts));
        }).toList();
    }
}
