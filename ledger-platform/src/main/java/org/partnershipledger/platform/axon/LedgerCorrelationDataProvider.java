package org.partnershipledger.platform.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.partnershipledger.events.common.LedgerMetadata;

/**
 * Carries who, why and which request from a command onto every event it causes: {@code actor}, {@code reason} and
 * {@code correlationId} are copied from the handled message, and {@code causationId} is that message's own id.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, LedgerMetadata.ACTOR, data);
        copy(message, LedgerMetadata.REASON, data);
        Object correlationId = message.getMetaData().get(LedgerMetadata.CORRELATION_ID);
        data.put(LedgerMetadata.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
