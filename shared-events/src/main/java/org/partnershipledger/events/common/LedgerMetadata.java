package org.partnershipledger.events.common;

/**
 * Keys of the metadata every stored event carries. Part of the public contract, like the payloads:
 * readers (the history, the stream, exports) rely on these names.
 */
public final class LedgerMetadata {

    /** The authenticated principal who issued the command that produced the event. */
    public static final String ACTOR = "actor";
    /** Why the change was made, as given with the command; absent where a command carries no reason. */
    public static final String REASON = "reason";
    /** Ties every message caused by one request together (from {@code X-Request-Id} or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (usually the command) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private LedgerMetadata() {
    }
}
