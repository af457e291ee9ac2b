package org.partnershipledger.command.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.platform.web.RequestCorrelationFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command with who sent it, why, and which request it belongs to, before it leaves the gateway.
 * The actor always comes from the server's own view of the caller; nothing in a body or header can set it.
 */
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor currentActor;

    public CommandMetadataInterceptor(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(LedgerMetadata.ACTOR, currentActor.name());
            if (command.getPayload() instanceof ReasonedCommand reasoned && reasoned.reason() != null
                    && !reasoned.reason().isBlank()) {
                metadata.put(LedgerMetadata.REASON, reasoned.reason());
            }
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                metadata.put(LedgerMetadata.CORRELATION_ID, RequestCorrelationFilter.correlationId(request));
            }
            return command.andMetaData(metadata);
        };
    }
}
