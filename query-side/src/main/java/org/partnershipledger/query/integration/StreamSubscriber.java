package org.partnershipledger.query.integration;

import java.util.List;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One connected stream client: where it is in the event log, what it wants, and its connection. */
final class StreamSubscriber {

    /** Types (exact, or a prefix ending in {@code *}) and a partnership; empty means everything. */
    record Filter(List<String> types, String partnershipId) {

        boolean accepts(String type, String eventPartnershipId) {
            boolean typeMatches = types.isEmpty() || types.stream().anyMatch(wanted -> typeMatches(wanted, type));
            return typeMatches && (partnershipId == null || partnershipId.equals(eventPartnershipId));
        }

        /**
         * A signed checkpoint of the audit log belongs to no partnership: it is taken where the types take
         * {@value CloudEventEnvelope#CHECKPOINT_TYPE} and no partnership is asked for, or where the types name it
         * exactly, whatever the partnership.
         */
        boolean acceptsCheckpoints() {
            return types.contains(CloudEventEnvelope.CHECKPOINT_TYPE)
                    || accepts(CloudEventEnvelope.CHECKPOINT_TYPE, null);
        }

        /** An exact type, or a prefix when {@code wanted} ends in {@code *}. */
        static boolean typeMatches(String wanted, String type) {
            return wanted.endsWith("*") ? type.startsWith(wanted.substring(0, wanted.length() - 1)) : type.equals(wanted);
        }
    }

    final SseEmitter emitter;
    final Filter filter;
    /** The base URL of the address the client connected to, for {@code dataschema}. */
    final String base;
    /** Every event up to here has been sent or filtered out; only the ticker thread changes it. */
    volatile long scanned;
    volatile long lastSent = System.nanoTime();

    StreamSubscriber(SseEmitter emitter, long after, Filter filter, String base) {
        this.emitter = emitter;
        this.scanned = after;
        this.filter = filter;
        this.base = base;
    }
}
