package org.partnershipledger.query.integration;

import org.partnershipledger.query.readmodel.ReadModelPositions;

/**
 * The one meaning of {@code after}, for the stream (and its Last-Event-ID), the export and webhooks: the position of
 * the last event the client already has, so it gets the events with a higher position. {@value #BEGINNING} is
 * before the first event on either store: PostgreSQL numbers events from 1, Axon Server from 0, so {@code after=0}
 * would skip Axon Server's first event.
 */
final class After {

    static final long BEGINNING = ReadModelPositions.NONE;

    private After() {
    }

    /** The stream's starting point: {@code after}, else Last-Event-ID, else the beginning. */
    static long streamStart(Long after, String lastEventId) {
        if (after != null) {
            return valid(after, "after");
        }
        if (lastEventId == null || lastEventId.isBlank()) {
            return BEGINNING;
        }
        try {
            return valid(Long.parseLong(lastEventId.trim()), "Last-Event-ID");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Last-Event-ID must be a position this stream sent, or -1");
        }
    }

    /** A position given as {@code after}: -1 (from the first event) or more. */
    static long valid(long after, String name) {
        if (after < BEGINNING) {
            throw new IllegalArgumentException(name + " must be -1 (from the first event) or a position");
        }
        return after;
    }
}
