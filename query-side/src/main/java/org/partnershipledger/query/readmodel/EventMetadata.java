package org.partnershipledger.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.partnershipledger.events.common.LedgerMetadata;

/** Reads the ledger's metadata (who, why, which request) off an event. */
public final class EventMetadata {

    private EventMetadata() {
    }

    public static String actor(EventMessage<?> message) {
        return text(message, LedgerMetadata.ACTOR);
    }

    public static String reason(EventMessage<?> message) {
        return text(message, LedgerMetadata.REASON);
    }

    public static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
