package org.partnershipledger.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How stored messages (events, snapshots, tokens, dead letters) are read: with the application's mapper, so they are
 * written exactly as before, but tolerant of fields this version does not know. An event written by a newer version,
 * or a field added later and read by an older version, must never make the history unreadable. Request bodies stay
 * strict: their mapper is the application's own, which this copy leaves alone.
 */
public final class StoredMessages {

    private StoredMessages() {
    }

    /** A copy of {@code application} that ignores unknown properties; {@code application} is not changed. */
    public static ObjectMapper tolerant(ObjectMapper application) {
        return application.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
