package org.partnershipledger.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes the response of a keyed command in the same transaction as its events: either both are stored or
 * neither. A twin request racing this one fails on the key's primary key and rolls back its own events.
 */
class IdempotencyRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Idempotency idempotency;

    IdempotencyRecorder(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        if (metadata.get(Idempotency.KEY) instanceof String key
                && metadata.get(Idempotency.PLANNED) instanceof CommandResponses planned
                && result instanceof Long version) {
            idempotency.record((String) metadata.get(Idempotency.PRINCIPAL), key,
                    (String) metadata.get(Idempotency.HASH), planned, version);
        }
        return result;
    }
}
