package org.partnershipledger.query.audit;

import java.security.SecureRandom;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.leaf.PersonalField;
import org.partnershipledger.audit.leaf.Salts;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.query.readmodel.EventMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The leaf of an event as read from the event store (docs/audit.md §1): its ids, aggregate, sequence, stored type
 * and revision, timestamp, and salted commitments to its payload (the stored JSON, not a re-serialisation), actor
 * and reason. The appender, the audit pack and the store verifier all build leaves here, so they cannot disagree.
 */
@Component
class AuditLeaves {

    /** The three salts of one event's personal fields; deleting one later erases that field (crypto-shredding). */
    record Salted(byte[] payload, byte[] actor, byte[] reason) {

        static Salted random(SecureRandom random) {
            return new Salted(Salts.random(random), Salts.random(random), Salts.random(random));
        }
    }

    /** The serializer the event store wrote with, so that an event's stored JSON comes back as it is. */
    private final Serializer serializer;

    AuditLeaves(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    LeafEntry of(EventMessage<?> message, Salted salts) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        String aggregateType = null;
        String aggregateId = null;
        long sequenceNumber = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        return new LeafEntry(message.getIdentifier(), aggregateType, aggregateId, sequenceNumber,
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp(),
                PersonalField.revealed(payload.getData(), salts.payload()),
                PersonalField.revealed(EventMetadata.actor(message), salts.actor()),
                PersonalField.revealed(EventMetadata.reason(message), salts.reason()),
                EventMetadata.text(message, LedgerMetadata.CORRELATION_ID),
                EventMetadata.text(message, LedgerMetadata.CAUSATION_ID));
    }
}
